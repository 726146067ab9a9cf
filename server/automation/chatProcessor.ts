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
import { recordUrl } from '../salesforce/recordUrl';
import { writeRecord, type FieldEquals } from '../salesforce/recordWriter';
import { SalesforceError, temporaryReason, toSalesforceError } from '../salesforce/salesforceError';
import type { ChatEndedJob } from './queue';
import { claimRun, ensureRun, finishRun, getRun, releaseRun, retryRunLater, type RunRow } from './runs.repo';
import { refusalForOwner } from '../salesforce/refusalInWords';

/** A worker owns a run this long; a crashed worker's run is taken over after it. */
const DEFAULT_LEASE_MS = 2 * 60 * 1000;
/** How far before an attempt's start a record it created may be dated (clock skew). */
const RECOVERY_SLACK_MS = 60 * 1000;

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

  async function runOne(
    mapping: MappingWithAccount,
    chat: ChatSnapshot,
    attempt: { final: boolean },
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = mapping.account;
    const run: RunRow = await ensureRun(
      deps.db,
      { licenseId: mapping.licenseId, chatId: chat.chatId, mappingId: mapping.id },
      {
        threadId: chat.threadId,
        accountId: account.id,
        objectName: mapping.objectName,
        visitorName: chat.visitor.name ?? null,
        visitorEmail: chat.visitor.email ?? null,
      },
    );
    if (['created', 'linked', 'skipped', 'failed'].includes(run.status)) return null;
    // Another worker holds it (or died holding it): try again after its lease, never skip it.
    if (run.status === 'running' && run.leaseUntil && run.leaseUntil > now())
      return 'another worker is on it';

    if (account.status !== 'connected') {
      if (run.status !== 'waiting') await waitForReconnect(run.id, account.label);
      return null;
    }
    const overBudget = await budgetExceeded(account);
    if (overBudget) {
      // Nothing is lost: the run waits, its job is retried with backoff, and the sweep queues it
      // again after that; it goes on by itself once the org's usage falls below the budget.
      if (run.errorMessage !== overBudget)
        await finishRun(deps.db, run.id, { status: 'waiting', errorMessage: overBudget }, now());
      return attempt.final ? null : 'over the automation budget';
    }
    // An earlier attempt may have created the record before failing or dying: look for it first.
    const recovering = run.attempts > 0 && run.startedAt !== null;
    const lease = await claimRun(deps.db, run, now(), LEASE_MS);
    if (!lease) return 'another worker took it';
    claimed.set(run.id, lease);
    try {
      return await settle(mapping, chat, attempt, run.id, recovering);
    } finally {
      claimed.delete(run.id);
    }
  }

  async function settle(
    mapping: MappingWithAccount,
    chat: ChatSnapshot,
    attempt: { final: boolean },
    runId: string,
    recovering: boolean,
  ): Promise<string | null> {
    const now = () => deps.clock.now();
    const account = mapping.account;
    const run = await getRun(deps.db, runId);

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
      const conn = deps.connections.connect(account, 'automation');
      const mappingModel = toMapping(mapping);
      const { meta, related } = await objectAndRelated(deps.metadata, account.id, conn, mappingModel);
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
      const result = await writeRecord(conn, {
        objectName: mapping.objectName,
        values: prepared.values,
        lookups: prepared.lookups,
        autoAssign: mapping.autoAssign,
        ...(mapping.duplicatePolicy === 'link' && searchable.length ? { linkTo: searchable } : {}),
        ...(match.length && run.startedAt
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
          errorFields: failure.fields,
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

  /** Processes one ended chat; throws RetryLater when a temporary failure should be retried. */
  async function process(
    job: ChatEndedJob,
    attempt: { final: boolean; signal?: AbortSignal } = { final: false },
  ): Promise<void> {
    const mappings = await listAutomatedMappings(deps.db, job.licenseId);
    if (mappings.length === 0) return;
    const chat = await fetchChat(job);
    if (!chat) return;
    const retry: string[] = [];
    for (const mapping of mappings) {
      // The worker is stopping: the chat's other mappings are left for the worker that takes it next.
      if (attempt.signal?.aborted) throw new RetryLater(['the worker stopped']);
      const reason = await runOne(mapping, chat, attempt);
      if (reason) retry.push(`${mapping.objectName}: ${reason}`);
    }
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
