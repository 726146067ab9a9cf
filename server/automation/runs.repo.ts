import { Prisma, type RunStatus } from '../db/generated/client';
import type { Database } from '../db/prisma';

export type RunRow = Prisma.AutomationRunGetPayload<object>;

/** A run is one (license, chat, mapping). */
export interface RunKey {
  licenseId: string;
  chatId: string;
  mappingId: string;
}

/** What a run is created with. */
export interface NewRunData {
  threadId: string;
  accountId: string;
  objectName: string;
  visitorName?: string | null;
  visitorEmail?: string | null;
}

/** The run of a (license, chat, mapping), created on first sight: the unique key makes it one. */
export async function ensureRun(db: Database, key: RunKey, data: NewRunData): Promise<RunRow> {
  await db.automationRun.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
  return db.automationRun.findUniqueOrThrow({ where: { licenseId_chatId_mappingId: key } });
}

/** A run this caller took: its id, the attempt it is on (1 for the first) and when its first attempt began. */
export interface ClaimedRun {
  id: string;
  attempts: number;
  startedAt: Date;
  leaseUntil: Date;
}

/**
 * Creates the run of a (license, chat, mapping) on first sight and takes it, in one statement: a new
 * run, or a pending or waiting one, or a running one whose worker's lease ran out (it crashed). The
 * condition is checked on the row under its lock (INSERT … ON CONFLICT DO UPDATE … WHERE), so two
 * workers never both take it. Null when the run exists and may not be taken (done, or another
 * worker's lease holds): `runState` says which.
 */
export async function claimOrCreateRun(
  db: Database,
  key: RunKey,
  data: NewRunData,
  now: Date,
  leaseMs: number,
): Promise<ClaimedRun | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // Timestamps go as UTC text into the zone-less columns, as Prisma writes them.
  const at = now.toISOString();
  const lease = leaseUntil.toISOString();
  const rows = await db.$queryRaw<{ id: string; attempts: number; started_ms: number }[]>`
    INSERT INTO automation_runs AS r (id, license_id, chat_id, mapping_id, thread_id, account_id, object_name,
      visitor_name, visitor_email, status, lease_until, attempts, started_at, updated_at, error_fields)
    VALUES (gen_random_uuid(), ${key.licenseId}, ${key.chatId}, ${key.mappingId}::uuid, ${data.threadId},
      ${data.accountId}::uuid, ${data.objectName}, ${data.visitorName ?? null}, ${data.visitorEmail ?? null},
      'running', ${lease}::timestamp, 1, ${at}::timestamp, ${at}::timestamp, '{}')
    ON CONFLICT (license_id, chat_id, mapping_id) DO UPDATE
      SET status = 'running', lease_until = EXCLUDED.lease_until, attempts = r.attempts + 1,
        started_at = COALESCE(r.started_at, EXCLUDED.started_at), updated_at = EXCLUDED.updated_at
      WHERE r.status IN ('pending', 'waiting')
        OR (r.status = 'running' AND (r.lease_until IS NULL OR r.lease_until <= EXCLUDED.updated_at))
    RETURNING r.id::text AS id, r.attempts, (extract(epoch FROM r.started_at) * 1000)::float8 AS started_ms`;
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, attempts: row.attempts, startedAt: new Date(row.started_ms), leaseUntil };
}

/** Why a run could not be taken: its status and lease. */
export function runState(db: Database, key: RunKey) {
  return db.automationRun.findUnique({
    where: { licenseId_chatId_mappingId: key },
    select: { status: true, leaseUntil: true },
  });
}

/** Ends a lease now, when it is still the one this caller took: the next attempt need not wait for it. */
export async function releaseRun(db: Database, id: string, leaseUntil: Date, now: Date): Promise<boolean> {
  const released = await db.automationRun.updateMany({
    where: { id, status: 'running', leaseUntil },
    data: { leaseUntil: now, errorMessage: 'Will retry: the worker stopped before finishing.' },
  });
  return released.count === 1;
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
  // One plain statement (the worker writes it for every run): only the columns given are set.
  const at = now.toISOString();
  const sets: Prisma.Sql[] = [
    Prisma.sql`status = ${data.status}::run_status`,
    Prisma.sql`lease_until = NULL`,
    Prisma.sql`updated_at = ${at}::timestamp`,
  ];
  if (data.recordId !== undefined) sets.push(Prisma.sql`record_id = ${data.recordId}`);
  if (data.recordUrl !== undefined) sets.push(Prisma.sql`record_url = ${data.recordUrl}`);
  if (data.errorCode !== undefined) sets.push(Prisma.sql`error_code = ${data.errorCode}`);
  if (data.errorMessage !== undefined) sets.push(Prisma.sql`error_message = ${data.errorMessage}`);
  if (data.errorFields !== undefined)
    sets.push(
      Prisma.sql`error_fields = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(data.errorFields)}::jsonb))`,
    );
  if (data.sfCalls) sets.push(Prisma.sql`sf_calls = sf_calls + ${data.sfCalls}`);
  if (data.finished) sets.push(Prisma.sql`finished_at = ${at}::timestamp`);
  await db.$executeRaw`UPDATE automation_runs SET ${Prisma.join(sets, ', ')} WHERE id = ${id}::uuid`;
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

/** Statuses after which a run has nothing left to do. */
export const SETTLED_STATUSES = [
  'created',
  'linked',
  'updated',
  'skipped',
  'failed',
] as const satisfies RunStatus[];
export const isSettled = (status: RunStatus) => (SETTLED_STATUSES as readonly RunStatus[]).includes(status);

/** A run of a set this caller took. */
export interface ClaimedSetRun extends ClaimedRun {
  mappingId: string;
}

/** A run of a set this caller did not take: settled (its record an input), or another worker's. */
export interface SetRunState {
  id: string;
  mappingId: string;
  status: RunStatus;
  leaseUntil: Date | null;
  recordId: string | null;
  objectName: string;
}

/**
 * Creates and takes every run of one chat's set (its mappings on one account) in one statement, as
 * `claimOrCreateRun` does one: a multi-row INSERT … ON CONFLICT DO UPDATE … WHERE, rows in mapping
 * order so that two workers lock them in the same order. Answers the runs taken and, as the
 * statement found them, the others of the set (settled, or held by a live lease); a run inserted
 * meanwhile by another worker is in neither, and counts as held.
 */
export async function claimRunSet(
  db: Database,
  runs: { key: RunKey; data: NewRunData }[],
  now: Date,
  leaseMs: number,
): Promise<{ claimed: ClaimedSetRun[]; others: SetRunState[] }> {
  if (runs.length === 0) return { claimed: [], others: [] };
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const at = now.toISOString();
  const lease = leaseUntil.toISOString();
  const sorted = [...runs].sort((a, b) => a.key.mappingId.localeCompare(b.key.mappingId));
  const values = Prisma.join(
    sorted.map(
      ({
        key,
        data,
      }) => Prisma.sql`(gen_random_uuid(), ${key.licenseId}, ${key.chatId}, ${key.mappingId}::uuid,
        ${data.threadId}, ${data.accountId}::uuid, ${data.objectName}, ${data.visitorName ?? null},
        ${data.visitorEmail ?? null}, 'running'::run_status, ${lease}::timestamp, 1, ${at}::timestamp,
        ${at}::timestamp, '{}'::text[])`,
    ),
  );
  const { licenseId, chatId } = sorted[0]!.key;
  const mappingIds = Prisma.join(sorted.map((r) => Prisma.sql`${r.key.mappingId}::uuid`));
  const rows = await db.$queryRaw<
    {
      taken: boolean;
      id: string;
      mapping_id: string;
      attempts: number;
      started_ms: number | null;
      status: RunStatus;
      lease_ms: number | null;
      record_id: string | null;
      object_name: string;
    }[]
  >`
    WITH taken AS (
      INSERT INTO automation_runs AS r (id, license_id, chat_id, mapping_id, thread_id, account_id, object_name,
        visitor_name, visitor_email, status, lease_until, attempts, started_at, updated_at, error_fields)
      VALUES ${values}
      ON CONFLICT (license_id, chat_id, mapping_id) DO UPDATE
        SET status = 'running', lease_until = EXCLUDED.lease_until, attempts = r.attempts + 1,
          started_at = COALESCE(r.started_at, EXCLUDED.started_at), updated_at = EXCLUDED.updated_at
        WHERE r.status IN ('pending', 'waiting')
          OR (r.status = 'running' AND (r.lease_until IS NULL OR r.lease_until <= EXCLUDED.updated_at))
      RETURNING r.id, r.mapping_id, r.attempts, r.started_at, r.status, r.record_id, r.object_name
    )
    SELECT true AS taken, t.id::text AS id, t.mapping_id::text AS mapping_id, t.attempts,
      (extract(epoch FROM t.started_at) * 1000)::float8 AS started_ms, t.status, NULL::float8 AS lease_ms,
      t.record_id, t.object_name
    FROM taken t
    UNION ALL
    SELECT false, o.id::text, o.mapping_id::text, o.attempts, NULL::float8, o.status,
      (extract(epoch FROM o.lease_until) * 1000)::float8, o.record_id, o.object_name
    FROM automation_runs o
    WHERE o.license_id = ${licenseId} AND o.chat_id = ${chatId} AND o.mapping_id IN (${mappingIds})
      AND o.id NOT IN (SELECT id FROM taken)`;
  const claimed: ClaimedSetRun[] = [];
  const others: SetRunState[] = [];
  for (const row of rows) {
    if (row.taken)
      claimed.push({
        id: row.id,
        mappingId: row.mapping_id,
        attempts: row.attempts,
        startedAt: new Date(row.started_ms ?? now.getTime()),
        leaseUntil,
      });
    else
      others.push({
        id: row.id,
        mappingId: row.mapping_id,
        status: row.status,
        leaseUntil: row.lease_ms === null ? null : new Date(row.lease_ms),
        recordId: row.record_id,
        objectName: row.object_name,
      });
  }
  return { claimed, others };
}

/** How one run of a set ends. */
export interface RunFinish {
  id: string;
  status: RunStatus;
  recordId?: string | null;
  recordUrl?: string | null;
  /** The record's object when it is not the mapping's (a converted Lead's Contact, a ContentNote). */
  objectName?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
  errorFields?: string[];
  sfCalls?: number;
}

/** Finishes every run of a set in one statement: each its outcome, all settled now. */
export async function finishRunSet(db: Database, finishes: RunFinish[], now: Date): Promise<void> {
  if (finishes.length === 0) return;
  const at = now.toISOString();
  const rows = finishes.map((f) => ({
    id: f.id,
    status: f.status,
    record_id: f.recordId ?? null,
    record_url: f.recordUrl ?? null,
    object_name: f.objectName ?? null,
    error_code: f.errorCode ?? null,
    error_message: f.errorMessage ?? null,
    error_fields: f.errorFields ?? [],
    sf_calls: f.sfCalls ?? 0,
  }));
  await db.$executeRaw`
    UPDATE automation_runs r SET
      status = v.status::run_status, lease_until = NULL, record_id = v.record_id, record_url = v.record_url,
      object_name = COALESCE(v.object_name, r.object_name), error_code = v.error_code,
      error_message = v.error_message, error_fields = ARRAY(SELECT jsonb_array_elements_text(v.error_fields)),
      sf_calls = r.sf_calls + v.sf_calls, updated_at = ${at}::timestamp, finished_at = ${at}::timestamp
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, status text, record_id text,
      record_url text, object_name text, error_code text, error_message text, error_fields jsonb, sf_calls int)
    WHERE r.id = v.id`;
}

/** Puts the runs of a set back to be retried (temporary failure): leases end now, starts kept. */
export async function retryRunSetLater(
  db: Database,
  ids: string[],
  reason: string,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db.automationRun.updateMany({
    where: { id: { in: ids } },
    data: { status: 'running', leaseUntil: now, errorMessage: `Will retry: ${reason}.` },
  });
}

/**
 * Records a record an agent created in the widget for a chat's mapping as its settled run (status
 * created), so that automation, when the chat ends, links to it instead of creating another. A run
 * already settled, or held by a worker's live lease, is left as it is: false then.
 */
export async function recordAgentCreatedRun(
  db: Database,
  key: RunKey,
  data: NewRunData & { recordId: string; recordUrl: string | null },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO automation_runs AS r (id, license_id, chat_id, mapping_id, thread_id, account_id, object_name,
      visitor_name, visitor_email, status, record_id, record_url, attempts, started_at, updated_at,
      finished_at, error_fields, error_message)
    VALUES (gen_random_uuid(), ${key.licenseId}, ${key.chatId}, ${key.mappingId}::uuid, ${data.threadId},
      ${data.accountId}::uuid, ${data.objectName}, ${data.visitorName ?? null}, ${data.visitorEmail ?? null},
      'created', ${data.recordId}, ${data.recordUrl}, 0, ${at}::timestamp, ${at}::timestamp, ${at}::timestamp,
      '{}', 'Created by an agent in the widget during the chat.')
    ON CONFLICT (license_id, chat_id, mapping_id) DO UPDATE
      SET status = 'created', record_id = EXCLUDED.record_id, record_url = EXCLUDED.record_url,
        object_name = EXCLUDED.object_name, lease_until = NULL, error_code = NULL,
        error_message = EXCLUDED.error_message, error_fields = '{}', updated_at = EXCLUDED.updated_at,
        finished_at = EXCLUDED.finished_at
      WHERE r.status IN ('pending', 'waiting', 'failed')
        OR (r.status = 'running' AND (r.lease_until IS NULL OR r.lease_until <= EXCLUDED.updated_at))
    RETURNING r.id::text AS id`;
  return rows.length === 1;
}

/**
 * The failed runs of a run's set (the same chat on the same account), as they are: a set is written
 * whole, so retrying one of its runs retries every run the failure stopped.
 */
export function failedRunsOfSet(db: Database, run: { licenseId: string; chatId: string; accountId: string }) {
  return db.automationRun.findMany({
    where: { licenseId: run.licenseId, chatId: run.chatId, accountId: run.accountId, status: 'failed' },
    select: {
      id: true,
      status: true,
      errorMessage: true,
      errorCode: true,
      errorFields: true,
      finishedAt: true,
    },
  });
}
