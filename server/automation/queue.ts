import { PgBoss, type JobAttempt, type JobWithMetadata } from 'pg-boss';
// The channel pg-boss NOTIFYs on for a notify-enabled queue: the same expression its sender uses.
import { notifyChannelSql } from 'pg-boss/dist/plans.js';
import type { Logger } from 'pino';
import type { Config } from '../config';

export const CHAT_ENDED_QUEUE = 'chat-ended';
const QUEUE_SCHEMA = 'pgboss';

export interface ChatEndedJob {
  licenseId: string;
  chatId: string;
  threadId: string;
}

/** Runs one statement (pg-boss's `db` option): e.g. on the connection of an open transaction. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface JobQueue {
  start(): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for the running handlers; answers whether they all returned. */
  stopWorking(graceMs: number): Promise<boolean>;
  /** Closes the queue; a job whose handler is still running is failed and retried later. */
  stop(): Promise<void>;
  enqueueChat(job: ChatEndedJob): Promise<void>;
  /**
   * Queues the chat's job through `db`, a statement runner inside the caller's transaction: the job
   * exists once, and only if, that transaction commits (the webhook intake stores its event with it).
   */
  enqueueChatWith(db: SqlExecutor, job: ChatEndedJob): Promise<void>;
  /**
   * Runs `handler` for each job, up to `concurrency` at once (default: the configured concurrency);
   * a thrown error makes pg-boss retry the job with backoff.
   */
  work(
    handler: (job: ChatEndedJob, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
    options?: { concurrency?: number },
  ): Promise<void>;
}

/** How long a completion waits for others to go with it in one statement. */
const COMPLETE_BATCH_MS = 10;

/**
 * The PostgreSQL-backed queue (pg-boss, SKIP LOCKED), in its own schema of the app's database.
 * Temporary failures are retried with exponential backoff and jitter.
 *
 * Taking jobs: one loop per process takes as many jobs as it has free slots (one `fetch` for all of
 * them) and runs each on its own, so a slow chat never holds the others back, and completes each as
 * it ends. A new job wakes the loop at once: the queue is created with pg-boss's `notify`, so every
 * `send` also NOTIFYs (in the sender's transaction), and the loop LISTENs through pg-boss's own
 * listener connection (`getDb().listen`, which reconnects, checks itself with a heartbeat, and
 * reports a reconnect, after which the loop fetches once). The poll interval is only the backstop
 * for jobs that become due later (retries after their backoff).
 *
 * Why not pg-boss's `work()`: its `localConcurrency` spawns that many independent pollers, and a
 * NOTIFY wakes all of them, so every job cost one fetch per idle poller (25 pollers: 25 queries per
 * chat); and its batches end together, so one slow job holds a whole batch's slots. Fetch, complete
 * and fail are pg-boss's own calls, fenced to the attempt that was fetched.
 */
export function createJobQueue(options: {
  databaseUrl: string;
  logger: Logger;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  pollingIntervalSeconds?: number;
  /** A job whose worker died is retried after this long. */
  expireInSeconds?: number;
  /** Jobs one process runs at once (default 32, AUTOMATION_CONCURRENCY's). */
  concurrency?: number;
  /**
   * A process that only sends (a web process whose workers run elsewhere: `npm start`'s worker
   * process, or `npm run worker`): the queue's upkeep (supervising, expiring, archiving and
   * deleting jobs, cron) is left to the workers, so none of it competes with the requests here. It
   * still creates or updates the queue's schema and settings at start. `work` is refused.
   */
  sendOnly?: boolean;
}): JobQueue {
  const log = options.logger.child({ module: 'queue' });
  const expireInSeconds = options.expireInSeconds ?? 5 * 60;
  const superviseSeconds = Math.max(1, Math.min(60, Math.floor(expireInSeconds / 2)));
  const pollMs = (options.pollingIntervalSeconds ?? 2) * 1000;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 4,
    // Expired jobs (their worker died) are found by the supervisor's monitor pass, which runs every
    // max(monitorIntervalSeconds, superviseIntervalSeconds) (pg-boss boss.js; monitor defaults to 60 s):
    // both at half the timeout, so a dead worker's job goes on within 1.5 timeouts, not a minute later.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    ...(options.sendOnly && { supervise: false, schedule: false }),
  });
  let stopping = false;
  boss.on('error', (error: unknown) => {
    // Our own stop ends the embedded PostgreSQL last; a pool connection still closing then hears
    // "terminating connection due to administrator command" (57P01): the designed outcome.
    const e = error as { code?: string; message?: string } | null;
    if (stopping && (e?.code === '57P01' || e?.message === 'Connection terminated unexpectedly')) {
      log.debug({ err: error }, 'queue connection closed by the database stopping');
      return;
    }
    log.error({ err: error }, 'queue error');
  });
  let started: Promise<void> | undefined;
  const queueOptions = {
    retryLimit: options.retryLimit ?? 12,
    retryDelay: options.retryDelaySeconds ?? 5,
    retryBackoff: true,
    retryDelayMax: options.retryDelayMaxSeconds ?? 15 * 60,
    expireInSeconds,
    notify: true,
  };

  /** The taking loop, once `work` started it. */
  let taker: ReturnType<typeof startTaking> | undefined;

  function startTaking(
    handler: (job: ChatEndedJob, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
    slots: number,
  ) {
    const running = new Map<string, { job: JobAttempt; done: Promise<void> }>();
    let halted = false;
    // After the jobs still in hand were given back, their handlers' outcomes are no longer ours to report.
    let givenBack = false;
    // A fetch may find jobs: after a notification, the backstop poll, a reconnect, or a full fetch.
    let wanted = true;
    let wake: (() => void) | undefined;
    const nudge = () => {
      wanted = true;
      wake?.();
    };

    // Completions of the next few milliseconds go in one statement.
    let toComplete: JobAttempt[] = [];
    let completeTimer: NodeJS.Timeout | undefined;
    const flushCompletions = async () => {
      clearTimeout(completeTimer);
      completeTimer = undefined;
      const batch = toComplete;
      toComplete = [];
      if (batch.length === 0) return;
      // Not completed (the database is away): the job expires and runs again, which finds its runs done.
      await boss.complete(CHAT_ENDED_QUEUE, batch).catch((error: unknown) => {
        if (!stopping) log.warn({ err: error, jobs: batch.length }, 'completing jobs failed; they run again');
      });
    };

    const run = (job: JobWithMetadata<ChatEndedJob>) => {
      const attempt = { id: job.id, retryCount: job.retryCount };
      const done = handler(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit })
        .then(
          () => {
            if (givenBack) return;
            toComplete.push(attempt);
            completeTimer ??= setTimeout(() => void flushCompletions(), COMPLETE_BATCH_MS);
          },
          // pg-boss retries it with backoff, or gives up after the retry limit.
          (error: unknown) =>
            givenBack
              ? undefined
              : boss
                  .fail(CHAT_ENDED_QUEUE, attempt, { message: (error as Error)?.message ?? String(error) })
                  .then(() => undefined)
                  .catch((failed: unknown) => {
                    if (!stopping)
                      log.warn(
                        { err: failed },
                        'a failed job could not be marked; it expires and runs again',
                      );
                  }),
        )
        .finally(() => {
          running.delete(job.id);
          wake?.();
        });
      running.set(job.id, { job: attempt, done });
    };

    const loop = (async () => {
      while (!halted) {
        const free = slots - running.size;
        if (wanted && free > 0) {
          wanted = false;
          try {
            const jobs = await boss.fetch<ChatEndedJob>(CHAT_ENDED_QUEUE, {
              batchSize: free,
              includeMetadata: true,
            });
            if (halted) {
              // Taken after the stop began: given back to be retried, never dropped.
              if (jobs.length) await boss.fail(CHAT_ENDED_QUEUE, jobs, { message: 'the worker stopped' });
              break;
            }
            for (const job of jobs) run(job);
            if (jobs.length === free) wanted = true; // there may be more
          } catch (error) {
            if (halted) break;
            log.warn({ err: error }, 'taking jobs failed; trying again after the poll interval');
          }
          continue;
        }
        // Wait for a notification, a free slot, or the backstop poll.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            wanted = true;
            resolve();
          }, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    })();

    return {
      nudge,
      /** Takes no more jobs; resolves when the loop has ended. */
      halt: async () => {
        halted = true;
        wake?.();
        await loop;
      },
      /** Resolves when every job in hand has settled. */
      drained: async () => {
        while (running.size) await Promise.allSettled([...running.values()].map((r) => r.done));
        await flushCompletions();
      },
      /** Jobs still in hand: failed, so that pg-boss runs them again after their backoff. */
      giveBack: async () => {
        await flushCompletions();
        givenBack = true;
        const left = [...running.values()].map((r) => r.job);
        running.clear();
        if (left.length)
          await boss.fail(CHAT_ENDED_QUEUE, left, { message: 'the worker stopped before finishing' });
      },
    };
  }

  /** Wakes the taking loop when a job is sent (NOTIFY), through pg-boss's listener connection. */
  let listening: { close(): Promise<void> } | undefined;
  async function listen(): Promise<void> {
    const db = boss.getDb();
    if (!db.listen) {
      log.warn('the database connection cannot LISTEN; new jobs are found by polling only');
      return;
    }
    const { rows } = await db.executeSql(`SELECT ${notifyChannelSql(QUEUE_SCHEMA)} AS channel`);
    const channel = String((rows[0] as { channel: string }).channel);
    listening = await db.listen(
      channel,
      (queue) => {
        if (queue === CHAT_ENDED_QUEUE) taker?.nudge();
      },
      // Notifications sent while the connection was down are lost: look once.
      () => taker?.nudge(),
    );
  }

  return {
    start: () =>
      (started ??= (async () => {
        await boss.start();
        await boss.createQueue(CHAT_ENDED_QUEUE, queueOptions);
        // An existing queue keeps what it was created with: bring it to these settings (notify too).
        await boss.updateQueue(CHAT_ENDED_QUEUE, queueOptions);
      })()),
    stopWorking: async (graceMs) => {
      if (!started || !taker) return true;
      await taker.halt();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const finished = taker.drained().then(() => true);
      try {
        return await Promise.race([finished, graceOver]);
      } finally {
        clearTimeout(timer);
      }
    },
    stop: async () => {
      if (taker) {
        await taker.halt();
        await taker.giveBack().catch((error: unknown) => log.warn({ err: error }, 'giving jobs back failed'));
      }
      stopping = true;
      await listening?.close();
      if (started) await boss.stop({ graceful: true, timeout: 1_000 });
    },
    enqueueChat: async (job) => {
      await boss.send(CHAT_ENDED_QUEUE, job);
    },
    enqueueChatWith: async (db, job) => {
      await boss.send(CHAT_ENDED_QUEUE, job, { db });
    },
    work: async (handler, workOptions = {}) => {
      if (options.sendOnly) throw new Error('this queue only sends; its jobs are worked elsewhere');
      if (taker) throw new Error('this queue already runs a worker');
      taker = startTaking(handler, workOptions.concurrency ?? options.concurrency ?? 32);
      await listen().catch((error: unknown) =>
        log.warn({ err: error }, 'listening for new jobs failed; they are found by polling only'),
      );
    },
  };
}

/** The queue with the configured timings. */
export function createQueueFor(
  config: Pick<Config, 'automation'>,
  databaseUrl: string,
  logger: Logger,
  pollingIntervalSeconds?: number,
  placement: { sendOnly?: boolean } = {},
): JobQueue {
  return createJobQueue({
    ...placement,
    databaseUrl,
    logger,
    retryLimit: config.automation.retryLimit,
    retryDelaySeconds: config.automation.retryDelaySeconds,
    retryDelayMaxSeconds: config.automation.retryDelayMaxSeconds,
    expireInSeconds: config.automation.jobTimeoutSeconds,
    pollingIntervalSeconds: pollingIntervalSeconds ?? config.automation.pollIntervalSeconds,
    concurrency: config.automation.concurrency,
  });
}
