import pg from 'pg';
import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';
import type { SqlExecutor } from './queue';

/** An ended chat's thread, as its event and its job name it. */
export interface ChatEndedKey {
  licenseId: string;
  chatId: string;
  threadId: string;
}

const CHAT_ENDED = 'chat_deactivated';

/** Stores an ended-chat event once (the unique key drops a redelivery); whether it was new. */
export async function storeChatEnded(db: Database, key: ChatEndedKey, payload: object): Promise<boolean> {
  const inserted = await db.webhookEvent.createMany({
    data: [{ ...key, action: CHAT_ENDED, payload: payload as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  return inserted.count > 0;
}

/** Records that the event's job was queued (`at`), or (null) that it must be queued again. */
export async function markQueued(db: Database, key: ChatEndedKey, at: Date | null): Promise<void> {
  const { licenseId, chatId, threadId } = key;
  await db.webhookEvent.updateMany({
    where: { licenseId, chatId, threadId, action: CHAT_ENDED },
    data: { enqueuedAt: at },
  });
}

/** Up to `take` stored events whose job was never queued. */
export function unqueuedEvents(db: Database, take: number) {
  return db.webhookEvent.findMany({ where: { enqueuedAt: null }, take });
}

/** What became of a delivery of an ended chat. */
export type IntakeOutcome = 'stored' | 'redelivered' | 'not_installed';

export type ChatEndedIntake = ReturnType<typeof createChatEndedIntake>;

/**
 * The ended-chat webhook's write: the event stored and its job queued in one transaction, in two
 * round trips to PostgreSQL. Its own small pool of pipelined connections (node-postgres › Pipelining:
 * queries are sent without waiting for the previous answer, each with its own Sync), so BEGIN, the
 * event's insert and the job's insert leave together; the answer to the insert then says whether to
 * COMMIT (a new event of an installed license) or ROLLBACK (a redelivery, or a license without
 * installation), so the job exists exactly when its event does.
 *
 * The insert checks the installation itself and is timestamped in UTC, as Prisma writes the
 * `timestamp(3)` columns.
 */
export function createChatEndedIntake(databaseUrl: string) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    pipeline: true,
    max: 5,
    application_name: 'sfl-webhooks',
    // A webhook never waits long: LiveChat gives up on a slow answer and delivers again later.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
    idle_in_transaction_session_timeout: 10_000,
  });
  // An idle connection the server closed (a restart) is dropped by the pool; nothing to do here.
  pool.on('error', () => {});

  const STORE = `
    WITH installed AS (
      SELECT 1 FROM livechat_installations WHERE license_id = $1
    ), stored AS (
      INSERT INTO webhook_events (id, license_id, chat_id, thread_id, action, payload, received_at, enqueued_at)
      SELECT gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM installed
      ON CONFLICT (license_id, chat_id, thread_id, action) DO NOTHING
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM installed) AS installed, EXISTS (SELECT 1 FROM stored) AS stored`;

  /**
   * Stores the event and, in the same transaction, queues its job with `enqueue` (given a runner on
   * the transaction's connection). Nothing is left behind unless the answer is `stored`.
   */
  async function storeAndEnqueue(
    key: ChatEndedKey,
    payload: object,
    enqueue: (db: SqlExecutor) => Promise<void>,
  ): Promise<IntakeOutcome> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const tx: SqlExecutor = { executeSql: (text, values) => client.query(text, values) };
      // Sent at once, one behind the other: the first round trip.
      const begin = client.query('BEGIN');
      const insert = client.query<{ installed: boolean; stored: boolean }>(STORE, [
        key.licenseId,
        key.chatId,
        key.threadId,
        CHAT_ENDED,
        JSON.stringify(payload),
      ]);
      const queued = enqueue(tx);
      // All three settle before anything else is sent on this connection, whatever happened.
      const [started, inserted, enqueued] = await Promise.allSettled([begin, insert, queued]);
      if (started.status === 'rejected') throw started.reason;
      if (inserted.status === 'rejected') throw inserted.reason;
      const answer = inserted.value.rows[0];
      if (answer?.stored && enqueued.status === 'rejected') throw enqueued.reason;
      // The second: keep both rows, or neither.
      if (answer?.stored) {
        await client.query('COMMIT');
        return 'stored';
      }
      await client.query('ROLLBACK');
      return answer?.installed ? 'redelivered' : 'not_installed';
    } catch (error) {
      broken = error as Error;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      // A connection whose transaction failed halfway is not handed out again.
      client.release(broken);
    }
  }

  return { storeAndEnqueue, close: () => pool.end() };
}
