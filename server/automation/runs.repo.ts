import type { Prisma, RunStatus } from '../db/generated/client';
import type { Database } from '../db/prisma';

export type RunRow = Prisma.AutomationRunGetPayload<object>;

/** The run of a (license, chat, mapping), created on first sight: the unique key makes it one. */
export async function ensureRun(
  db: Database,
  key: { licenseId: string; chatId: string; mappingId: string },
  data: {
    threadId: string;
    accountId: string;
    objectName: string;
    visitorName?: string | null;
    visitorEmail?: string | null;
  },
): Promise<RunRow> {
  await db.automationRun.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
  return db.automationRun.findUniqueOrThrow({ where: { licenseId_chatId_mappingId: key } });
}

/**
 * Takes a run for this worker: pending or waiting runs, or a running one whose worker's lease ran
 * out (it crashed). Compare-and-set on the row's state, so two workers never both take it.
 */
/** Takes a run by compare-and-set; answers the lease's end when this caller got it, else null. */
export async function claimRun(db: Database, run: RunRow, now: Date, leaseMs: number): Promise<Date | null> {
  const claimable =
    run.status === 'pending' ||
    run.status === 'waiting' ||
    (run.status === 'running' && (run.leaseUntil ?? now) <= now);
  if (!claimable) return null;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await db.automationRun.updateMany({
    where: { id: run.id, status: run.status, updatedAt: run.updatedAt },
    data: {
      status: 'running',
      leaseUntil,
      attempts: { increment: 1 },
      // The first attempt's start: records created since then may be an earlier attempt's own.
      startedAt: run.startedAt ?? now,
    },
  });
  return claimed.count === 1 ? leaseUntil : null;
}

/** Ends a lease now, when it is still the one this caller took: the next attempt need not wait for it. */
export async function releaseRun(db: Database, id: string, leaseUntil: Date, now: Date): Promise<boolean> {
  const released = await db.automationRun.updateMany({
    where: { id, status: 'running', leaseUntil },
    data: { leaseUntil: now, errorMessage: 'Will retry: the worker stopped before finishing.' },
  });
  return released.count === 1;
}

export function getRun(db: Database, id: string): Promise<RunRow> {
  return db.automationRun.findUniqueOrThrow({ where: { id } });
}

/** Back to pending after a temporary failure: the lease ends now, the reason is shown; the start is kept. */
export async function retryRunLater(db: Database, id: string, reason: string, now: Date): Promise<void> {
  await db.automationRun.update({
    where: { id },
    data: { status: 'running', leaseUntil: now, errorMessage: `Will retry: ${reason}.` },
  });
}

/** A run of this license, with whether its mapping's automation is on; another license's is not found. */
export function findRunOfLicense(db: Database, licenseId: string, id: string) {
  return db.automationRun.findFirst({
    where: { id, licenseId },
    include: { mapping: { select: { automation: true } } },
  });
}

type RunOutcome = Pick<RunRow, 'status' | 'errorMessage' | 'errorCode' | 'errorFields' | 'finishedAt'>;

/** Sets a run's outcome: cleared for a retry, or put back as it was when the retry could not be queued. */
export async function setRunOutcome(db: Database, id: string, outcome: RunOutcome): Promise<void> {
  await db.automationRun.update({ where: { id }, data: outcome });
}

/** The chats (one each) of the runs matching `where`, at most `take`. */
function chatsOfRuns(db: Database, where: Prisma.AutomationRunWhereInput, take?: number) {
  return db.automationRun.findMany({
    where,
    distinct: ['licenseId', 'chatId'],
    select: { licenseId: true, chatId: true, threadId: true },
    ...(take ? { take } : {}),
  });
}

/**
 * Chats with runs left pending or running since `olderThan` (their job is gone), or waiting since
 * then on one of `budgetedAccountIds` (for its API budget); mappings with automation on only.
 */
export function chatsWithStaleRuns(
  db: Database,
  olderThan: Date,
  budgetedAccountIds: string[],
  take: number,
) {
  return chatsOfRuns(
    db,
    {
      OR: [
        { status: { in: ['pending', 'running'] } },
        { status: 'waiting', accountId: { in: budgetedAccountIds } },
      ],
      updatedAt: { lt: olderThan },
      mapping: { automation: true },
    },
    take,
  );
}

/** Chats with runs waiting for an account (to be reconnected). */
export function chatsWaitingFor(db: Database, accountId: string) {
  return chatsOfRuns(db, { accountId, status: 'waiting' });
}

export async function finishRun(
  db: Database,
  id: string,
  data: {
    status: RunStatus;
    recordId?: string | null;
    recordUrl?: string | null;
    errorCode?: string | null;
    errorMessage?: string | null;
    errorFields?: string[];
    sfCalls?: number;
    finished?: boolean;
  },
  now: Date,
): Promise<void> {
  const { sfCalls, finished, ...rest } = data;
  await db.automationRun.update({
    where: { id },
    data: {
      ...rest,
      leaseUntil: null,
      ...(sfCalls ? { sfCalls: { increment: sfCalls } } : {}),
      ...(finished ? { finishedAt: now } : {}),
    },
  });
}

export function listRuns(
  db: Database,
  licenseId: string,
  filter: {
    status?: RunStatus;
    from?: Date;
    to?: Date;
    before?: Date;
    limit: number;
    runId?: string;
    /** Part of the visitor's name or email, any case. */
    visitor?: string;
  },
) {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = filter.from;
  if (filter.to) createdAt.lte = filter.to;
  if (filter.before) createdAt.lt = filter.before;
  return db.automationRun.findMany({
    where: {
      licenseId,
      ...(filter.runId ? { id: filter.runId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(Object.keys(createdAt).length ? { createdAt } : {}),
      ...(filter.visitor
        ? {
            OR: [
              { visitorName: { contains: filter.visitor, mode: 'insensitive' as const } },
              { visitorEmail: { contains: filter.visitor, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    include: {
      mapping: { select: { objectLabel: true, account: { select: { label: true, instanceUrl: true } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: filter.limit,
  });
}
