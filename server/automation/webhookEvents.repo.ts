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

/** The intake's connections: at 200 deliveries a second about one is busy at a time. */
const INTAKE_CONNECTIONS = 5;
/** Prepared statements a connection keeps at most for the job's insert (its text is pg-boss's). */
const JOB_STATEMENTS_MAX = 8;

/**
 * The ended-chat webhook's write: the event stored and its job queued in one transaction, in one
 * round trip to PostgreSQL. Its own small pool of pipelined connections (node-postgres › Pipelining:
 * queries are sent without waiting for the previous answer, each with its own Sync), whose socket is
 * corked meanwhile, so BEGIN, the event's insert, the job's insert, a guard and COMMIT leave in one
 * write:
 *
 * - the event's insert checks the installation itself and answers whether it stored a row;
 * - the guard fails (division by zero) unless this transaction wrote the event's row (its `xmin` is
 *   this transaction's id: System Columns, "xmin: the identity (transaction ID) of the inserting
 *   transaction"), so for a redelivery or a license without installation the transaction is aborted
 *   and the COMMIT that follows it rolls back (COMMIT: "If the transaction is in an aborted state,
 *   a ROLLBACK is performed"), the job with it;
 * - so the job exists exactly when its event does, and the 200 is sent once both are committed.
 *
 * The three statements are prepared once per connection. Timestamps are in UTC, as Prisma writes
 * the `timestamp(3)` columns.
 */
export function createChatEndedIntake(databaseUrl: string) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    pipeline: true,
    // Opened at once and kept (none is closed for being idle): a new connection costs a backend's
    // start and a SCRAM exchange, several milliseconds of CPU on both sides, which a delivery
    // after a quiet spell would otherwise wait for.
    min: INTAKE_CONNECTIONS,
    max: INTAKE_CONNECTIONS,
    application_name: 'sfl-webhooks',
    // A webhook never waits long: LiveChat gives up on a slow answer and delivers again later.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
    idle_in_transaction_session_timeout: 10_000,
  });
  // An idle connection the server closed (a restart) is dropped by the pool; nothing to do here.
  pool.on('error', () => {});
  // Not waited for: a connection that cannot be opened now is opened by the first delivery that needs it.
  void Promise.allSettled(
    Array.from({ length: INTAKE_CONNECTIONS }, () => pool.connect().then((client) => client.release())),
  );

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
  const GUARD = `
    SELECT 1 / count(*)::int AS stored_here FROM webhook_events
     WHERE license_id = $1 AND chat_id = $2 AND thread_id = $3 AND action = $4
       AND xmin = pg_current_xact_id()::xid`;

  // pg-boss builds its insert's text afresh for each send (the same text for one queue): a name per
  // text, so that it is parsed once per connection too. A text never seen before past the limit (it
  // should not happen) is sent unprepared.
  const jobStatements = new Map<string, string>();
  const jobStatement = (text: string): { text: string; name?: string } => {
    let name = jobStatements.get(text);
    if (name === undefined && jobStatements.size < JOB_STATEMENTS_MAX) {
      name = `sfl-intake-job-${jobStatements.size + 1}`;
      jobStatements.set(text, name);
    }
    return name === undefined ? { text } : { text, name };
  };

  /**
   * Stores the event and, in the same transaction, queues its job with `enqueue` (given a runner on
   * the transaction's connection, for one statement). Nothing is left behind unless the answer is
   * `stored`.
   */
  async function storeAndEnqueue(
    key: ChatEndedKey,
    payload: object,
    enqueue: (db: SqlExecutor) => Promise<void>,
  ): Promise<IntakeOutcome> {
    const client = await pool.connect();
    const keyValues = [key.licenseId, key.chatId, key.threadId, CHAT_ENDED];
    const socket = client.connection.stream;
    let corked = true;
    const uncork = () => {
      if (!corked) return;
      corked = false;
      socket.uncork();
    };
    let broken: Error | undefined;
    socket.cork();
    try {
      const begin = client.query('BEGIN');
      const insert = client.query<{ installed: boolean; stored: boolean }>({
        name: 'sfl-intake-store',
        text: STORE,
        values: [...keyValues, JSON.stringify(payload)],
      });
      // The job's statement, then the guard and the end, all behind the event's insert.
      let ending:
        { job: Promise<unknown>; guard: Promise<unknown>; end: Promise<pg.QueryResult> } | undefined;
      const tx: SqlExecutor = {
        executeSql: (text, values) => {
          if (ending) return Promise.reject(new Error('the intake queues its job in one statement'));
          const job = client.query({ ...jobStatement(text), values: values ?? [] });
          const guard = client.query({ name: 'sfl-intake-guard', text: GUARD, values: keyValues });
          ending = { job, guard, end: client.query('COMMIT') };
          uncork();
          return job;
        },
      };
      const [enqueued] = await Promise.allSettled([enqueue(tx)]);
      uncork();
      // Every statement sent settles before anything else goes on this connection, whatever happened.
      const [started, inserted] = await Promise.allSettled([begin, insert]);
      const sent = ending;
      const [, , ended] = sent
        ? await Promise.allSettled([sent.job, sent.guard, sent.end])
        : ([undefined, undefined, undefined] as const);
      if (started.status === 'rejected') throw started.reason;
      if (inserted.status === 'rejected') throw inserted.reason;
      const answer = inserted.value.rows[0];
      if (!sent || !ended) {
        // `enqueue` sent nothing (it failed first, or queues elsewhere): the transaction is still open.
        if (answer?.stored && enqueued.status === 'rejected') throw enqueued.reason;
        await client.query(answer?.stored ? 'COMMIT' : 'ROLLBACK');
        return outcomeOf(answer);
      }
      if (ended.status === 'rejected') throw ended.reason;
      if (answer?.stored) {
        if (enqueued.status === 'rejected') throw enqueued.reason; // the COMMIT rolled back
        if (ended.value.command !== 'COMMIT') throw new Error('the webhook event was not committed');
      }
      return outcomeOf(answer);
    } catch (error) {
      broken = error as Error;
      uncork();
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      // A connection whose transaction failed halfway is not handed out again.
      client.release(broken);
    }
  }

  return { storeAndEnqueue, close: () => pool.end() };
}

const outcomeOf = (answer: { installed: boolean; stored: boolean } | undefined): IntakeOutcome =>
  answer?.stored ? 'stored' : answer?.installed ? 'redelivered' : 'not_installed';
