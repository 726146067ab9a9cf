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
import { writeRecord, type FieldEquals } from '../salesforce/recordWriter';
import { SalesforceError, temporaryReason, toSalesforceError } from '../salesforce/salesforceError';
import type { ChatEndedJob } from './queue';
import {
  claimOrCreateRun,
  ensureRun,
  finishRun,
  releaseRun,
  retryRunLater,
  runState,
  type ClaimedRun,
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
  const claimed = new Map<string, Date>();

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
      (f) => f.entryType === 'dynamic' && (f.dynamicSource === 'chat.id' || f.dynamicSource === 'chat.link'),
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
        const names = mappings
          .filter((m) => m.account.id === account.id)
          .flatMap((m) => [m.objectName, ...m.fields.flatMap((f) => (f.matchObject ? [f.matchObject] : []))]);
        const linked = mappings
          .filter((m) => m.account.id === account.id && m.duplicatePolicy === 'link')
          .map((m) => m.objectName);
        const describes = deps.metadata.describesOf(account.id, conn, names, { duplicateRulesOf: linked });
        describes.catch(() => undefined); // awaited (and reported) by each run that needs it
        context = { conn, describes };
        contexts.set(account.id, context);
      }
      return context;
    };
  }

  async function runOne(
    mapping: MappingWithAccount,
    chat: ChatSnapshot,
    attempt: { final: boolean },
    contextOf: (account: MappingWithAccount['account']) => AccountContext,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = mapping.account;
    const key = { licenseId: mapping.licenseId, chatId: chat.chatId, mappingId: mapping.id };
    const data = {
      threadId: chat.threadId,
      accountId: account.id,
      objectName: mapping.objectName,
      visitorName: chat.visitor.name ?? null,
      visitorEmail: chat.visitor.email ?? null,
    };

    const overBudget = account.status === 'connected' ? await budgetExceeded(account) : null;
    if (account.status !== 'connected' || overBudget) {
      // The run waits; it is created (once) to say why, unless it is settled already.
      const run = await ensureRun(deps.db, key, data);
      if (['created', 'linked', 'skipped', 'failed'].includes(run.status)) return null;
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
    }

    // Created and taken in one statement; its answer is all the attempt needs to know about the run.
    const run = await claimOrCreateRun(deps.db, key, data, now(), LEASE_MS);
    if (!run) {
      const state = await runState(deps.db, key);
      if (!state || ['created', 'linked', 'skipped', 'failed'].includes(state.status)) return null;
      // Another worker holds it (or died holding it): try again after its lease, never skip it.
      return 'another worker is on it';
    }
    claimed.set(run.id, run.leaseUntil);
    try {
      return await settle(mapping, chat, attempt, run, contextOf);
    } finally {
      claimed.delete(run.id);
    }
  }

  async function settle(
    mapping: MappingWithAccount,
    chat: ChatSnapshot,
    attempt: { final: boolean },
    run: ClaimedRun,
    contextOf: (account: MappingWithAccount['account']) => AccountContext,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = mapping.account;
    // An earlier attempt may have created the record before failing or dying: look for it first.
    const recovering = run.attempts > 1;

    const fail = (
      message: string,
      extra: { errorCode?: string; errorFields?: string[]; sfCalls?: number } = {},
    ) =>
      finishRun(
        deps.db,
        run.id,
        { status: 'failed', errorMessage: message, ...extra, finished: true },
        now(),
      );

    try {
      const context = contextOf(account);
      const { conn } = context;
      const describes = await context.describes;
      const mappingModel = toMapping(mapping);
      // The job's describes, read once for all its mappings, stand in for the service's own reads.
      const { meta, related } = await objectAndRelated(
        { ...deps.metadata, describe: (_account, _conn, objectName) => describes.get(objectName) },
        account.id,
        conn,
        mappingModel,
      );
      const prepared = prepareRecord(mappingModel, chat, meta, related);
      const errors = errorsOf(prepared.problems);
      if (errors.length) {
        await fail(errors.map((p) => p.message).join(' '), {
          errorCode: errors[0]!.code,
          errorFields: [...new Set(errors.flatMap((p) => (p.field ? [p.field] : [])))],
        });
        return null;
      }
      const searchable = mapping.fields
        .filter((f) => f.searchable && typeof prepared.values[f.field] === 'string')
        .map((f) => ({ field: f.field, value: String(prepared.values[f.field]) }));
      const match = recovering ? recoveryMatch(mapping, prepared.values) : [];
      const linking = mapping.duplicatePolicy === 'link' && searchable.length > 0;
      // "link" in one call when the org's own duplicate rules find the visitor's record on the create;
      // otherwise (and while recovering, which searches anyway) the search goes first.
      const byRules = linking && !recovering && (await duplicateRulesDecide(describes, mapping, searchable));
      const result = await writeRecord(conn, {
        objectName: mapping.objectName,
        values: prepared.values,
        lookups: prepared.lookups,
        autoAssign: mapping.autoAssign,
        ...(linking ? (byRules ? { linkOnDuplicate: true } : { linkTo: searchable }) : {}),
        ...(match.length
          ? { recover: { since: new Date(run.startedAt.getTime() - RECOVERY_SLACK_MS), match } }
          : {}),
      });
      await finishRun(
        deps.db,
        run.id,
        {
          status: result.outcome,
          recordId: result.id,
          // A duplicate rule may have pointed at a record of another object (a Lead rule finding a Contact).
          recordUrl: recordUrl(account.instanceUrl, result.objectName, result.id),
          errorMessage:
            result.objectName !== mapping.objectName
              ? `A duplicate rule in Salesforce found this visitor as an existing ${result.objectName}; linked to it instead of creating a ${mapping.objectLabel}.`
              : result.outcome === 'skipped'
                ? 'A duplicate rule in Salesforce pointed at an existing record, so none was created.'
                : result.outcome === 'linked' && byRules
                  ? `The org’s duplicate rules found this visitor’s existing ${mapping.objectLabel}; linked to it.`
                  : result.unmatched.length
                    ? `No match for ${result.unmatched.join(', ')}; Salesforce's default was kept.`
                    : null,
          errorCode: null,
          errorFields: [],
          sfCalls: result.calls,
          finished: true,
        },
        now(),
      );
      log.info(
        {
          run: run.id,
          chat: chat.chatId,
          object: mapping.objectName,
          outcome: result.outcome,
          calls: result.calls,
        },
        'run done',
      );
      return null;
    } catch (error) {
      const failure = error instanceof SalesforceError ? error : toSalesforceError(error);
      if (failure.kind === 'needs_reconnect' || failure.kind === 'invalid_session') {
        // A refused refresh marked the account already; an org or user without API access, or a
        // session Salesforce refuses even fresh, is marked here so the owner's tile says why.
        await markNeedsReconnect(deps.db, account.id, failure.message);
        await waitForReconnect(run.id, account.label);
        return null;
      }
      if (failure.kind === 'rejected') {
        await fail(refusalForOwner(failure, mapping.objectLabel, failure.fields), {
          ...(failure.errorCode ? { errorCode: failure.errorCode } : {}),
          errorFields: failure.causes.length
            ? [...new Set(failure.causes.flatMap((c) => c.fields))]
            : failure.fields,
        });
        return null;
      }
      // Everything else is temporary (unknown failures included): retried with backoff, never dropped.
      const reason =
        failure.kind === 'limit_reached'
          ? 'the org has used up its daily API calls'
          : temporaryReason(failure);
      if (attempt.final) {
        await fail(`Gave up after several attempts: ${reason}. Use Retry once Salesforce is available.`, {
          errorCode: failure.errorCode ?? failure.kind,
        });
        return null;
      }
      // Back to pending; the job is retried with backoff. The run keeps its start time for recovery.
      await retryRunLater(deps.db, run.id, reason, now());
      return reason;
    }
  }

  /**
   * Mapping `later` waits for `earlier` when it auto-matches a record of the object `earlier` creates
   * in the same org (a Contact matching the Account made from the same chat); others run at once.
   */
  const dependsOn = (later: MappingWithAccount, earlier: MappingWithAccount) =>
    later.account.id === earlier.account.id &&
    later.fields.some((f) => f.entryType === 'auto_match' && f.matchObject === earlier.objectName);

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
    // The chat's mappings run side by side, each after the earlier ones it depends on (oldest first).
    const outcomes = new Map<string, Promise<string | null>>();
    for (const [index, mapping] of mappings.entries()) {
      const before = mappings.slice(0, index).filter((earlier) => dependsOn(mapping, earlier));
      outcomes.set(
        mapping.id,
        (async () => {
          await Promise.allSettled(before.map((earlier) => outcomes.get(earlier.id)));
          // The worker is stopping: what has not begun is left for the worker that takes the chat next.
          if (attempt.signal?.aborted) return 'the worker stopped';
          return runOne(mapping, chat, attempt, contextOf);
        })(),
      );
    }
    const settled = await Promise.allSettled(outcomes.values());
    // Something unexpected (the database away) fails the job as it is, once every mapping has settled.
    const broken = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (broken) throw broken.reason;
    const retry = settled.flatMap((o, i) =>
      o.status === 'fulfilled' && o.value ? [`${mappings[i]!.objectName}: ${o.value}`] : [],
    );
    if (retry.length) throw new RetryLater(retry);
  }

  /** Ends the lease of every run this process still holds, so another worker may take it now. */
  async function releaseInFlight(): Promise<number> {
    let released = 0;
    for (const [id, lease] of claimed) {
      if (await releaseRun(deps.db, id, lease, deps.clock.now())) released++;
    }
    return released;
  }

  return { process, releaseInFlight };
}
