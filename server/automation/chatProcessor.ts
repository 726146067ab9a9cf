import type { Logger } from 'pino';
import { chatSnapshotFromLiveChat } from '../../src/chat/fromLiveChat';
import { capturedSessionFields } from '../chatFields/sessionFields.repo';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import { LiveChatError, type LiveChatClient } from '../livechat/livechat.client';
import type { ApiUsageService } from '../salesforce/apiUsage.service';
import { NotInstalledError, type LicenseTokens } from '../livechat/licenseToken';
import { listAutomatedMappings, toMapping, type MappingWithAccount } from '../mappings/mappings.repo';
import type { SalesforceConnections } from '../salesforce/connections';
import type { SalesforceMetadata } from '../salesforce/metadata.service';
import type { ChatEndedJob } from './queue';
import { claimRunSet, ensureRun, finishRun, isSettled, releaseRun } from './runs.repo';
import { createChatSetRun, type AccountContext } from './chatSetRun';

/** A worker owns a run this long; a crashed worker's run is taken over after it. */
const DEFAULT_LEASE_MS = 2 * 60 * 1000;

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
  const setRun = createChatSetRun(deps);

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
          if (run.status !== 'waiting') await setRun.waitForReconnect(run.id, account.label);
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
      return await setRun.settleSet(
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
