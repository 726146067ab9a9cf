import type { Logger } from 'pino';
import { chatSnapshotFromLiveChat } from '../../src/chat/fromLiveChat';
import { capturedSessionFields } from '../chatFields/sessionFields.repo';
import type { ChatSnapshot } from '../../src/chat/chat';
import { errorsOf } from '../../src/mapping/problems';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import { LiveChatError, type LiveChatClient } from '../livechat/livechat.client';
import { markNeedsReconnect } from '../accounts/accounts.repo';
import type { ApiUsageService } from '../salesforce/apiUsage.service';
import { NotInstalledError, type LicenseTokens } from '../livechat/licenseToken';
import { listAutomatedMappings, toMapping, type MappingWithAccount } from '../mappings/mappings.repo';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord } from '../mappings/prepareRecord';
import type { SalesforceConnections } from '../salesforce/connections';
import type { SalesforceMetadata } from '../salesforce/metadata.service';
import type { SalesforceClient } from '../salesforce/salesforce.client';
import { rulesThatDecide } from '../../src/salesforce/duplicateRules';
import { recordUrl } from '../salesforce/recordUrl';
import type { FieldEquals } from '../salesforce/recordWriter';
import {
  chatSetMember,
  failedMappingOf,
  writeChatSet,
  type ChatSetMember,
  type ChatSetOutcome,
  type SettledRecord,
} from '../salesforce/chatSetWriter';
import { SalesforceError, temporaryReason, toSalesforceError } from '../salesforce/salesforceError';
import type { ChatEndedJob } from './queue';
import {
  claimRunSet,
  ensureRun,
  finishRun,
  finishRunSet,
  isSettled,
  releaseRun,
  retryRunSetLater,
  type ClaimedSetRun,
} from './runs.repo';
import { refusalForOwner } from '../salesforce/refusalInWords';

/** A worker owns a run this long; a crashed worker's run is taken over after it. */
const DEFAULT_LEASE_MS = 2 * 60 * 1000;
/** How far before an attempt's start a record it created may be dated (clock skew). */
const RECOVERY_SLACK_MS = 60 * 1000;

type Describes = Awaited<ReturnType<SalesforceMetadata['describesOf']>>;

/** Thrown when some mapping of the chat hit a temporary failure: the job is retried later. */
export class RetryLater extends Error {
  constructor(reasons: string[]) {
    super(`retry later: ${reasons.join('; ')}`);
    this.name = 'RetryLater';
  }
}

export type ChatProcessor = ReturnType<typeof createChatProcessor>;

/**
 * After a chat ends: for each mapping with automation on, resolve the record from the chat and create
 * it (or link to an existing one), once. Each (license, chat, mapping) has one run row; a run is taken
 * by compare-and-set with a lease, so redelivered webhooks, retried jobs and restarted workers never
 * create a second record. A run whose worker died mid-create first looks for the record that worker
 * may have created (by a field mapped from the chat id, or the searchable fields) before creating.
 */
export function createChatProcessor(deps: {
  db: Database;
  livechat: LiveChatClient;
  licenseTokens: LicenseTokens;
  connections: SalesforceConnections;
  metadata: SalesforceMetadata;
  /** The org's API usage, for the automation budget an owner may set per account. */
  apiUsage: Pick<ApiUsageService, 'current'>;
  clock: Clock;
  logger: Logger;
  leaseMs?: number;
  /** The Agent App's origin, for each chat's link (`chat.link`). */
  agentAppUrl?: string;
}) {
  const log = deps.logger.child({ module: 'automation' });
  const LEASE_MS = deps.leaseMs ?? DEFAULT_LEASE_MS;
  /** Runs this process has claimed and not yet settled: released at once when it stops. */
  const inFlight = new Map<string, Date>();

  async function fetchChat(job: ChatEndedJob): Promise<ChatSnapshot | null> {
    try {
      const token = await deps.licenseTokens.accessToken(job.licenseId);
      const [json, captured] = await Promise.all([
        deps.livechat.getChat(token, job.chatId, job.threadId),
        capturedSessionFields(deps.db, job.licenseId, [job.chatId]),
      ]);
      return chatSnapshotFromLiveChat(json, {
        licenseId: job.licenseId,
        ...(deps.agentAppUrl && { appLinkBase: deps.agentAppUrl }),
        capturedVariables: captured.get(job.chatId) ?? {},
      });
    } catch (error) {
      if (error instanceof NotInstalledError) {
        // LiveChat refused the license's token (the app was uninstalled or access revoked). The event
        // stays stored and the job keeps being retried with backoff, so reinstalling picks it up.
        log.warn({ license: job.licenseId }, error.message);
        throw new RetryLater([error.message]);
      }
      if (error instanceof LiveChatError && error.status === 404) {
        log.warn({ ...job }, 'the ended chat is not in LiveChat’s archives; nothing to do');
        return null;
      }
      throw new RetryLater([`LiveChat: ${(error as Error).message}`]);
    }
  }

  /** Values to find this run's own record by, after a crash: a field holding the chat id, else searchable fields. */
  function recoveryMatch(mapping: MappingWithAccount, values: Record<string, unknown>): FieldEquals[] {
    const byChat = mapping.fields.filter(
      (f) =>
        f.entryType === 'dynamic' &&
        // The chat's subject names the chat too ("… (chat RX12AB)"): the conversation log's own.
        (f.dynamicSource === 'chat.id' ||
          f.dynamicSource === 'chat.link' ||
          f.dynamicSource === 'chat.subject'),
    );
    const fields = byChat.length ? byChat : mapping.fields.filter((f) => f.searchable);
    return fields
      .filter((f) => typeof values[f.field] === 'string' && values[f.field] !== '')
      .map((f) => ({ field: f.field, value: String(values[f.field]) }));
  }

  const waitForReconnect = (runId: string, accountLabel: string) =>
    finishRun(
      deps.db,
      runId,
      {
        status: 'waiting',
        errorMessage: `Waiting for “${accountLabel}” to be reconnected in the settings.`,
      },
      deps.clock.now(),
    );

  /** Why automation must wait for this account's API budget, or null when it may go on. */
  async function budgetExceeded(account: MappingWithAccount['account']): Promise<string | null> {
    const percent = account.automationBudgetPercent;
    if (percent === null) return null;
    let usage;
    try {
      usage = await deps.apiUsage.current(account.id, deps.connections.connect(account, 'automation'));
    } catch (error) {
      log.warn({ account: account.id, err: error }, 'API usage unknown; the budget is not applied this time');
      return null;
    }
    if (!usage || usage.limit <= 0) return null;
    const allowed = Math.floor((usage.limit * percent) / 100);
    if (usage.used < allowed) return null;
    return `Waiting: the org has used ${usage.used.toLocaleString('en-US')} of its ${usage.limit.toLocaleString('en-US')} daily API calls, and automation on “${account.label}” may use up to ${percent} % (${allowed.toLocaleString('en-US')}). It goes on by itself as usage falls; agents’ widget keeps working.`;
  }

  /** What one job knows about one account: its connection and its describes (one cache read for all). */
  interface AccountContext {
    conn: SalesforceClient;
    describes: Promise<Describes>;
  }

  /**
   * Whether the org's duplicate rules on the mapping's object match on one of its searchable fields,
   * so that the create alone finds an existing record. When Salesforce cannot say now, the search goes
   * first (as without rules): never a duplicate for want of an answer.
   */
  async function duplicateRulesDecide(
    describes: Describes,
    mapping: MappingWithAccount,
    searchable: FieldEquals[],
  ) {
    try {
      const config = await describes.duplicateRules(mapping.objectName);
      return (
        rulesThatDecide(
          config,
          searchable.map((s) => s.field),
        ).length > 0
      );
    } catch (error) {
      log.info(
        { object: mapping.objectName, err: error },
        'duplicate rules unknown; searching before the create',
      );
      return false;
    }
  }

  /**
   * Per account of the job's mappings, a connection and the describes its mappings may need (their
   * objects and auto-matched ones), read from the cache in one query, lazily: an account whose runs
   * are all done or waiting costs nothing. A failure surfaces in each run that needs it.
   */
  function accountContexts(mappings: MappingWithAccount[]) {
    const contexts = new Map<string, AccountContext>();
    return (account: MappingWithAccount['account']): AccountContext => {
      let context = contexts.get(account.id);
      if (!context) {
        const conn = deps.connections.connect(account, 'automation');
        const own = mappings.filter((m) => m.account.id === account.id);
        const names = own.flatMap((m) => [
          m.objectName,
          ...m.fields.flatMap((f) => (f.matchObject ? [f.matchObject] : [])),
          // The objects a skip check searches, and the Task whose Description's length decides a Note.
          ...(toMapping(m).skipIfExistsAs ?? []),
        ]);
        const linked = own.filter((m) => m.duplicatePolicy === 'link').map((m) => m.objectName);
        const recordTypesOf = own.flatMap((m) => {
          const recordTypeId = toMapping(m).recordTypeId;
          return recordTypeId ? [{ objectName: m.objectName, recordTypeId }] : [];
        });
        const describes = deps.metadata.describesOf(account.id, conn, names, {
          duplicateRulesOf: linked,
          recordTypesOf,
        });
        describes.catch(() => undefined); // awaited (and reported) by each run that needs it
        context = { conn, describes };
        contexts.set(account.id, context);
      }
      return context;
    };
  }

  /** A set's runs on an account that is not connected, or over its API budget: each waits, as one run did. */
  async function waitSet(
    mappings: MappingWithAccount[],
    chat: ChatSnapshot,
    attempt: { final: boolean },
    overBudget: string | null,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = mappings[0]!.account;
    const reasons = await Promise.all(
      mappings.map(async (mapping) => {
        // The run waits; it is created (once) to say why, unless it is settled already.
        const run = await ensureRun(deps.db, runKey(mapping, chat), runData(mapping, chat));
        if (isSettled(run.status)) return null;
        if (run.status === 'running' && run.leaseUntil && run.leaseUntil > now())
          return 'another worker is on it';
        if (!overBudget) {
          if (run.status !== 'waiting') await waitForReconnect(run.id, account.label);
          return null;
        }
        // Nothing is lost: the run waits, its job is retried with backoff, and the sweep queues it
        // again after that; it goes on by itself once the org's usage falls below the budget.
        if (run.errorMessage !== overBudget)
          await finishRun(deps.db, run.id, { status: 'waiting', errorMessage: overBudget }, now());
        return attempt.final ? null : 'over the automation budget';
      }),
    );
    return reasons.find((r) => r !== null) ?? null;
  }

  const runKey = (mapping: MappingWithAccount, chat: ChatSnapshot) => ({
    licenseId: mapping.licenseId,
    chatId: chat.chatId,
    mappingId: mapping.id,
  });
  const runData = (mapping: MappingWithAccount, chat: ChatSnapshot) => ({
    threadId: chat.threadId,
    accountId: mapping.account.id,
    objectName: mapping.objectName,
    visitorName: chat.visitor.name ?? null,
    visitorEmail: chat.visitor.email ?? null,
  });

  /**
   * One chat's set: its mappings on one account. Every unsettled run of the set is taken in one
   * statement; a set with a run held by another live worker is left to it (tried again later);
   * settled runs' records are inputs (a Case's ContactId when its Contact was written before).
   */
  async function runSet(
    mappings: MappingWithAccount[],
    chat: ChatSnapshot,
    attempt: { final: boolean },
    contextOf: (account: MappingWithAccount['account']) => AccountContext,
  ): Promise<string | null> {
    const account = mappings[0]!.account;
    const overBudget = account.status === 'connected' ? await budgetExceeded(account) : null;
    if (account.status !== 'connected' || overBudget) return waitSet(mappings, chat, attempt, overBudget);

    const { claimed, others } = await claimRunSet(
      deps.db,
      mappings.map((m) => ({ key: runKey(m, chat), data: runData(m, chat) })),
      deps.clock.now(),
      LEASE_MS,
    );
    const settledRuns = others.filter((o) => isSettled(o.status));
    const held = mappings.length - claimed.length - settledRuns.length;
    if (held > 0) {
      // Another worker holds part of the set (or died holding it): the set is written whole, by one
      // worker; what was taken here is given back at once, and tried again after that lease.
      for (const run of claimed) await releaseRun(deps.db, run.id, run.leaseUntil, deps.clock.now());
      return 'another worker is on it';
    }
    if (claimed.length === 0) return null;
    for (const run of claimed) inFlight.set(run.id, run.leaseUntil);
    try {
      const byId = new Map(mappings.map((m) => [m.id, m]));
      return await settleSet(
        claimed.map((run) => ({ run, mapping: byId.get(run.mappingId)! })),
        settledRuns.flatMap((o) => {
          const mapping = byId.get(o.mappingId);
          return mapping && o.recordId && o.status !== 'failed'
            ? [
                {
                  mappingId: o.mappingId,
                  mappingObject: mapping.objectName,
                  id: o.recordId,
                  objectName: o.objectName,
                },
              ]
            : [];
        }),
        chat,
        attempt,
        contextOf,
      );
    } finally {
      for (const run of claimed) inFlight.delete(run.id);
    }
  }

  /** What an outcome says beside its record, in the owner's words (null: nothing to add). */
  function outcomeMessage(
    mapping: MappingWithAccount,
    outcome: ChatSetOutcome,
    byRules: boolean,
  ): string | null {
    const label = mapping.objectLabel;
    switch (outcome.outcome) {
      case 'skipped':
        return outcome.reason === 'existsAs'
          ? `Skipped: this visitor is already a ${outcome.objectName} in Salesforce; the chat's records refer to it.`
          : 'A duplicate rule in Salesforce pointed at an existing record, so none was created.';
      case 'linked':
        if (outcome.reason === 'converted')
          return `This visitor’s ${label} was converted; linked to its ${outcome.objectName} (a converted ${label} is never written to).`;
        // A duplicate rule may have pointed at a record of another object (a Lead rule finding a Contact).
        if (outcome.objectName !== mapping.objectName)
          return `A duplicate rule in Salesforce found this visitor as an existing ${outcome.objectName}; linked to it instead of creating a ${label}.`;
        return outcome.reason === 'duplicateRule' || byRules
          ? `The org’s duplicate rules found this visitor’s existing ${label}; linked to it.`
          : null;
      case 'updated':
        return `Linked to this visitor’s existing ${label} and updated ${outcome.updatedFields.join(', ')}.`;
      case 'created':
        return outcome.unmatched.length
          ? `No match for ${outcome.unmatched.join(', ')}; Salesforce's default was kept.`
          : null;
    }
  }

  /** Task.Description's length in this org (32,000 in every edition), from the Task's describe. */
  async function taskDescriptionLength(describes: Describes): Promise<number | undefined> {
    try {
      return (await describes.get('Task')).fields.find((f) => f.name === 'Description')?.length ?? undefined;
    } catch {
      return undefined;
    }
  }

  async function settleSet(
    runs: { run: ClaimedSetRun; mapping: MappingWithAccount }[],
    settled: SettledRecord[],
    chat: ChatSnapshot,
    attempt: { final: boolean },
    contextOf: (account: MappingWithAccount['account']) => AccountContext,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = runs[0]!.mapping.account;
    const ids = runs.map((r) => r.run.id);
    const labelOf = new Map(runs.map((r) => [r.run.id, r.mapping.objectLabel]));

    /** The set failed at `failedRunId`: it says why, each other run that it was not written for that. */
    const failSet = (
      failedRunId: string | null,
      message: string,
      extra: { errorCode?: string | null; errorFields?: string[] } = {},
      sfCalls = 0,
    ) => {
      const label = failedRunId ? labelOf.get(failedRunId) : undefined;
      return finishRunSet(
        deps.db,
        runs.map(({ run }) =>
          failedRunId === null || run.id === failedRunId
            ? { id: run.id, status: 'failed' as const, errorMessage: message, ...extra, sfCalls }
            : {
                id: run.id,
                status: 'failed' as const,
                errorMessage: `Not written: the ${label} failed (${message.replace(/\.$/, '')}), and Salesforce keeps none of a chat's records when one fails.`,
                errorCode: 'SET_FAILED',
                sfCalls,
              },
        ),
        now(),
      );
    };

    try {
      const context = contextOf(account);
      const { conn } = context;
      const describes = await context.describes;
      const members: ChatSetMember[] = [];
      for (const { run, mapping } of runs) {
        const mappingModel = toMapping(mapping);
        // The job's describes, read once for all its mappings, stand in for the service's own reads.
        const { meta, related } = await objectAndRelated(
          { ...deps.metadata, describe: (_account, _conn, objectName) => describes.get(objectName) },
          account.id,
          conn,
          mappingModel,
        );
        // Picklist values follow the mapping's record type (UI API); unknown now, the describe's are used.
        const recordTypePicklists = mappingModel.recordTypeId
          ? await describes
              .recordTypePicklists(mapping.objectName, mappingModel.recordTypeId)
              .catch(() => null)
          : null;
        const prepared = prepareRecord(mappingModel, chat, meta, related, { recordTypePicklists });
        const errors = errorsOf(prepared.problems);
        if (errors.length) {
          await failSet(run.id, errors.map((p) => p.message).join(' '), {
            errorCode: errors[0]!.code,
            errorFields: [...new Set(errors.flatMap((p) => (p.field ? [p.field] : [])))],
          });
          return null;
        }
        const skipFields = new Map<string, ReadonlySet<string>>();
        for (const objectName of mappingModel.skipIfExistsAs ?? []) {
          skipFields.set(objectName, new Set((await describes.get(objectName)).fields.map((f) => f.name)));
        }
        // An earlier attempt may have created the record before failing or dying: look for it first.
        const match = run.attempts > 1 ? recoveryMatch(mapping, prepared.values) : [];
        members.push(
          chatSetMember({
            mappingId: mapping.id,
            objectLabel: mapping.objectLabel,
            mapping: mappingModel,
            prepared,
            fieldsOf: (objectName) => skipFields.get(objectName),
            ...(match.length
              ? { recover: { since: new Date(run.startedAt.getTime() - RECOVERY_SLACK_MS), match } }
              : {}),
          }),
        );
      }
      const only = members.length === 1 && settled.length === 0 ? members[0]! : undefined;
      // "link" in one call when the org's own duplicate rules find the visitor's record on the create;
      // otherwise (and while recovering, which searches anyway) the search goes first.
      const byRules =
        !!only &&
        only.kind === 'record' &&
        only.duplicatePolicy === 'link' &&
        only.searchable.length > 0 &&
        !only.recover &&
        (await duplicateRulesDecide(describes, runs[0]!.mapping, only.searchable));
      const conversation = members.some((m) => m.kind === 'conversation');
      const limit = conversation ? await taskDescriptionLength(describes) : undefined;
      const result = await writeChatSet(conn, {
        members,
        settled,
        ...(limit ? { taskDescriptionLength: limit } : {}),
        ...(byRules ? { linkOnDuplicate: true } : {}),
      });
      const outcomeOf = new Map(result.outcomes.map((o) => [o.mappingId, o]));
      await finishRunSet(
        deps.db,
        runs.map(({ run, mapping }) => {
          const outcome = outcomeOf.get(mapping.id)!;
          return {
            id: run.id,
            status: outcome.outcome,
            recordId: outcome.id,
            recordUrl: outcome.id ? recordUrl(account.instanceUrl, outcome.objectName, outcome.id) : null,
            objectName: outcome.objectName,
            errorMessage: outcomeMessage(mapping, outcome, byRules),
            errorCode: null,
            errorFields: [],
            // Each run says what its set cost: the set's calls are shared, not one run's own.
            sfCalls: result.calls,
          };
        }),
        now(),
      );
      log.info(
        {
          chat: chat.chatId,
          account: account.id,
          outcomes: result.outcomes.map((o) => `${o.objectName}:${o.outcome}`),
          calls: result.calls,
        },
        'set done',
      );
      return null;
    } catch (error) {
      const failure = error instanceof SalesforceError ? error : toSalesforceError(error);
      if (failure.kind === 'needs_reconnect' || failure.kind === 'invalid_session') {
        // A refused refresh marked the account already; an org or user without API access, or a
        // session Salesforce refuses even fresh, is marked here so the owner's tile says why.
        await markNeedsReconnect(deps.db, account.id, failure.message);
        for (const id of ids) await waitForReconnect(id, account.label);
        return null;
      }
      if (failure.kind === 'rejected') {
        const failedMapping = failedMappingOf(failure);
        const failed = runs.find((r) => r.mapping.id === failedMapping);
        await failSet(
          failed?.run.id ?? null,
          refusalForOwner(failure, failed?.mapping.objectLabel ?? 'record', failure.fields),
          {
            ...(failure.errorCode ? { errorCode: failure.errorCode } : {}),
            errorFields: failure.causes.length
              ? [...new Set(failure.causes.flatMap((c) => c.fields))]
              : failure.fields,
          },
        );
        return null;
      }
      // Everything else is temporary (unknown failures included): retried with backoff, never dropped.
      const reason =
        failure.kind === 'limit_reached'
          ? 'the org has used up its daily API calls'
          : temporaryReason(failure);
      if (attempt.final) {
        await failSet(
          null,
          `Gave up after several attempts: ${reason}. Use Retry once Salesforce is available.`,
          {
            errorCode: failure.errorCode ?? failure.kind,
          },
        );
        return null;
      }
      // Back to pending; the job is retried with backoff. The runs keep their start time for recovery.
      await retryRunSetLater(deps.db, ids, reason, now());
      return reason;
    }
  }

  /** Processes one ended chat; throws RetryLater when a temporary failure should be retried. */
  async function process(
    job: ChatEndedJob,
    attempt: { final: boolean; signal?: AbortSignal } = { final: false },
  ): Promise<void> {
    const mappings = await listAutomatedMappings(deps.db, job.licenseId);
    if (mappings.length === 0) return;
    const chat = await fetchChat(job);
    if (!chat) return;
    const contextOf = accountContexts(mappings);
    // A chat's mappings on one account are one set, written together; accounts side by side.
    const sets = new Map<string, MappingWithAccount[]>();
    for (const mapping of mappings)
      sets.set(mapping.account.id, [...(sets.get(mapping.account.id) ?? []), mapping]);
    const groups = [...sets.values()];
    const settled = await Promise.allSettled(
      groups.map(async (set) => {
        // The worker is stopping: what has not begun is left for the worker that takes the chat next.
        if (attempt.signal?.aborted) return 'the worker stopped';
        return runSet(set, chat, attempt, contextOf);
      }),
    );
    // Something unexpected (the database away) fails the job as it is, once every set has settled.
    const broken = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (broken) throw broken.reason;
    const retry = settled.flatMap((o, i) =>
      o.status === 'fulfilled' && o.value
        ? [`${groups[i]!.map((m) => m.objectName).join(' + ')}: ${o.value}`]
        : [],
    );
    if (retry.length) throw new RetryLater(retry);
  }

  /** Ends the lease of every run this process still holds, so another worker may take it now. */
  async function releaseInFlight(): Promise<number> {
    let released = 0;
    for (const [id, lease] of inFlight) {
      if (await releaseRun(deps.db, id, lease, deps.clock.now())) released++;
    }
    return released;
  }

  return { process, releaseInFlight };
}
