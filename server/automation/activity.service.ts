import type { Prisma } from '../db/generated/client';
import type { Logger } from 'pino';
import type { ActivityQuery, Run } from '../../src/api/automation';
import { chatLink, DEFAULT_APP_LINK_BASE } from '../../src/chat/fromLiveChat';
import type { Agent } from '../auth/agent';
import { recordAudit } from '../audit/audit.repo';
import type { Database } from '../db/prisma';
import { AppError, notFound } from '../http/appError';
import type { JobQueue } from './queue';
import { listRuns } from './runs.repo';

type RunWithMapping = Awaited<ReturnType<typeof listRuns>>[number];

export function toRunDto(row: RunWithMapping): Run {
  return {
    id: row.id,
    chatId: row.chatId,
    chatLink: chatLink(DEFAULT_APP_LINK_BASE, row.chatId, row.threadId),
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
export function createActivityService(deps: { db: Database; queue: JobQueue | undefined; logger: Logger }) {
  const log = deps.logger.child({ module: 'activity' });

  async function list(agent: Agent, query: ActivityQuery): Promise<Run[]> {
    const rows = await listRuns(deps.db, agent.licenseId, {
      limit: query.limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
      ...(query.before ? { before: new Date(query.before) } : {}),
    });
    return rows.map(toRunDto);
  }

  function requireQueue(): JobQueue {
    if (!deps.queue)
      throw new AppError('upstream_unavailable', 503, 'The automation queue is not running here.');
    return deps.queue;
  }

  async function retry(agent: Agent, runId: string): Promise<Run> {
    const run = await deps.db.automationRun.findFirst({
      where: { id: runId, licenseId: agent.licenseId },
      include: { mapping: { select: { automation: true } } },
    });
    if (!run) throw notFound('This run does not exist.');
    if (run.status !== 'failed') {
      throw new AppError('conflict', 409, 'Only failed runs can be retried.');
    }
    if (!run.mapping.automation) {
      throw new AppError('conflict', 409, 'Automation is off for this mapping. Turn it on to retry.');
    }
    const queue = requireQueue();
    await deps.db.automationRun.update({
      where: { id: run.id },
      data: { status: 'pending', errorMessage: null, errorCode: null, errorFields: [], finishedAt: null },
    });
    try {
      await queue.enqueueChat(chatJob(run));
    } catch (error) {
      // Not queued: the run stays failed, so Retry is still offered.
      await deps.db.automationRun.update({
        where: { id: run.id },
        data: {
          status: 'failed',
          errorMessage: run.errorMessage,
          errorCode: run.errorCode,
          errorFields: run.errorFields,
          finishedAt: run.finishedAt,
        },
      });
      log.warn({ err: error, run: run.id }, 'retry could not be queued');
      throw new AppError('upstream_unavailable', 503, 'The run could not be queued. Try again in a moment.');
    }
    await recordAudit(deps.db, {
      actor: agent,
      action: 'run.retried',
      targetType: 'automation_run',
      targetId: run.id,
      details: { object: run.objectName, chatId: run.chatId },
    });
    const [row] = await listRuns(deps.db, agent.licenseId, { limit: 1, runId: run.id });
    return toRunDto(row!);
  }

  /** Queues the chats of the runs matching `where` again (one job per chat); how many. */
  async function requeueChatsOf(where: Prisma.AutomationRunWhereInput, take?: number): Promise<number> {
    if (!deps.queue) return 0;
    const runs = await deps.db.automationRun.findMany({
      where,
      distinct: ['licenseId', 'chatId'],
      select: { licenseId: true, chatId: true, threadId: true },
      ...(take ? { take } : {}),
    });
    for (const run of runs) await deps.queue.enqueueChat(chatJob(run));
    return runs.length;
  }

  /** Chats with runs left pending or running since `olderThan` (their job is gone) are queued again. */
  async function requeueStale(olderThan: Date): Promise<number> {
    // Runs waiting on a connected account wait for its API budget (those waiting for a reconnect
    // have an account that is not connected, and resume when it is).
    const connected = await deps.db.salesforceAccount.findMany({
      where: { status: 'connected', automationBudgetPercent: { not: null } },
      select: { id: true },
    });
    const count = await requeueChatsOf(
      {
        OR: [
          { status: { in: ['pending', 'running'] } },
          { status: 'waiting', accountId: { in: connected.map((a) => a.id) } },
        ],
        updatedAt: { lt: olderThan },
        mapping: { automation: true },
      },
      500,
    );
    if (count) log.info({ chats: count }, 'queued chats whose runs had no job');
    return count;
  }

  /** Runs that waited for an account to be reconnected are queued again once it is. */
  async function resumeAccount(accountId: string): Promise<number> {
    const count = await requeueChatsOf({ accountId, status: 'waiting' });
    if (count) log.info({ account: accountId, chats: count }, 'resumed waiting runs');
    return count;
  }

  return { list, retry, resumeAccount, requeueStale };
}
