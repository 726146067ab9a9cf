import type { Logger } from 'pino';
import type { ActivityQuery, Run } from '../../src/api/automation';
import { chatLink } from '../../src/chat/fromLiveChat';
import type { Agent } from '../auth/agent';
import { recordAudit } from '../audit/audit.repo';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { budgetedAccountIds } from '../accounts/accounts.repo';
import type { JobQueue } from './queue';
import {
  chatsWaitingFor,
  chatsWithStaleRuns,
  failedRunsOfSet,
  findRunOfLicense,
  listRuns,
  setRunOutcome,
} from './runs.repo';

type RunWithMapping = Awaited<ReturnType<typeof listRuns>>[number];

/** A run as the Activity tab shows it; its chat opens in the Agent App at `agentAppUrl`. */
export function toRunDto(row: RunWithMapping, agentAppUrl: string): Run {
  return {
    id: row.id,
    chatId: row.chatId,
    visitor: { name: row.visitorName, email: row.visitorEmail },
    chatLink: chatLink(agentAppUrl, row.chatId, row.threadId),
    accountId: row.accountId,
    accountLabel: row.mapping.account.label,
    mappingId: row.mappingId,
    objectName: row.objectName,
    objectLabel: row.mapping.objectLabel,
    status: row.status,
    recordId: row.recordId,
    recordUrl: row.recordUrl,
    error: row.errorMessage,
    errorFields: row.errorFields,
    notWritten: row.errorCode === 'SET_FAILED',
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The job that processes a run's chat. */
const chatJob = (run: { licenseId: string; chatId: string; threadId: string | null }) => ({
  licenseId: run.licenseId,
  chatId: run.chatId,
  threadId: run.threadId ?? '',
});

export type ActivityService = ReturnType<typeof createActivityService>;

/** Activity: the automatic runs of a license, retrying failed ones, resuming waiting ones. */
export function createActivityService(deps: {
  db: Database;
  queue: JobQueue | undefined;
  logger: Logger;
  agentAppUrl: string;
}) {
  const log = deps.logger.child({ module: 'activity' });

  async function list(agent: Agent, query: ActivityQuery): Promise<Run[]> {
    const rows = await listRuns(deps.db, agent.licenseId, {
      limit: query.limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
      ...(query.before ? { before: new Date(query.before) } : {}),
      ...(query.visitor ? { visitor: query.visitor } : {}),
    });
    return rows.map((row) => toRunDto(row, deps.agentAppUrl));
  }

  function requireQueue(): JobQueue {
    if (!deps.queue) throw errors.upstreamUnavailable('The automation queue is not running here.');
    return deps.queue;
  }

  async function retry(agent: Agent, runId: string): Promise<Run> {
    const run = await findRunOfLicense(deps.db, agent.licenseId, runId);
    if (!run) throw errors.notFound('This run does not exist.');
    if (run.status !== 'failed') {
      throw errors.conflict('Only failed runs can be retried.');
    }
    if (!run.mapping.automation) {
      throw errors.conflict('Automation is off for this mapping. Turn it on to retry.');
    }
    const queue = requireQueue();
    // The chat's set on this account is written whole: every run its failure stopped goes again.
    const set = await failedRunsOfSet(deps.db, run);
    for (const failed of set)
      await setRunOutcome(deps.db, failed.id, {
        status: 'pending',
        errorMessage: null,
        errorCode: null,
        errorFields: [],
        finishedAt: null,
      });
    try {
      await queue.enqueueChat(chatJob(run));
    } catch (error) {
      // Not queued: the runs stay failed, so Retry is still offered.
      for (const { id, ...outcome } of set) await setRunOutcome(deps.db, id, outcome);
      log.warn({ err: error, run: run.id }, 'retry could not be queued');
      throw errors.upstreamUnavailable('The run could not be queued. Try again in a moment.');
    }
    await recordAudit(deps.db, {
      actor: agent,
      action: 'run.retried',
      targetType: 'automation_run',
      targetId: run.id,
      details: { object: run.objectName, chatId: run.chatId },
    });
    const [row] = await listRuns(deps.db, agent.licenseId, { limit: 1, runId: run.id });
    return toRunDto(row!, deps.agentAppUrl);
  }

  /** Queues the chats again (one job per chat); how many. */
  async function requeue(
    queue: JobQueue,
    chats: { licenseId: string; chatId: string; threadId: string | null }[],
  ): Promise<number> {
    for (const run of chats) await queue.enqueueChat(chatJob(run));
    return chats.length;
  }

  /** Chats with runs left pending or running since `olderThan` (their job is gone) are queued again. */
  async function requeueStale(olderThan: Date): Promise<number> {
    const { queue } = deps;
    if (!queue) return 0;
    // Runs waiting on a connected account wait for its API budget (those waiting for a reconnect
    // have an account that is not connected, and resume when it is).
    const budgeted = await budgetedAccountIds(deps.db);
    const count = await requeue(queue, await chatsWithStaleRuns(deps.db, olderThan, budgeted, 500));
    if (count) log.info({ chats: count }, 'queued chats whose runs had no job');
    return count;
  }

  /** Runs that waited for an account to be reconnected are queued again once it is. */
  async function resumeAccount(accountId: string): Promise<number> {
    const { queue } = deps;
    if (!queue) return 0;
    const count = await requeue(queue, await chatsWaitingFor(deps.db, accountId));
    if (count) log.info({ account: accountId, chats: count }, 'resumed waiting runs');
    return count;
  }

  return { list, retry, resumeAccount, requeueStale };
}
