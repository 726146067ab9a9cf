import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config';

export const CHAT_ENDED_QUEUE = 'chat-ended';

export interface ChatEndedJob {
  licenseId: string;
  chatId: string;
  threadId: string;
}

export interface JobQueue {
  start(): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for the running handlers; answers whether they all returned. */
  stopWorking(graceMs: number): Promise<boolean>;
  /** Closes the queue; a job whose handler is still running is failed and retried later. */
  stop(): Promise<void>;
  enqueueChat(job: ChatEndedJob): Promise<void>;
  /** Runs `handler` for each job; a thrown error makes pg-boss retry the job with backoff. */
  work(
    handler: (job: ChatEndedJob, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
    options?: { concurrency?: number },
  ): Promise<void>;
}

/**
 * The PostgreSQL-backed queue (pg-boss, SKIP LOCKED), in its own schema of the app's database.
 * Temporary failures are retried with exponential backoff and jitter.
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
}): JobQueue {
  const log = options.logger.child({ module: 'queue' });
  const expireInSeconds = options.expireInSeconds ?? 5 * 60;
  const superviseSeconds = Math.max(1, Math.min(60, Math.floor(expireInSeconds / 2)));
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    max: 4,
    // Expired jobs (their worker died) are found by the supervisor's monitor pass, which runs every
    // max(monitorIntervalSeconds, superviseIntervalSeconds) (pg-boss boss.js; monitor defaults to 60 s):
    // both at half the timeout, so a dead worker's job goes on within 1.5 timeouts, not a minute later.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
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

  return {
    start: () =>
      (started ??= (async () => {
        await boss.start();
        await boss.createQueue(CHAT_ENDED_QUEUE, {
          retryLimit: options.retryLimit ?? 12,
          retryDelay: options.retryDelaySeconds ?? 5,
          retryBackoff: true,
          retryDelayMax: options.retryDelayMaxSeconds ?? 15 * 60,
          expireInSeconds,
        });
      })()),
    stopWorking: async (graceMs) => {
      if (!started) return true;
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const finished = boss.offWork(CHAT_ENDED_QUEUE, { wait: true }).then(() => true);
      try {
        return await Promise.race([finished, graceOver]);
      } finally {
        clearTimeout(timer);
      }
    },
    stop: async () => {
      stopping = true;
      if (started) await boss.stop({ graceful: true, timeout: 1_000 });
    },
    enqueueChat: async (job) => {
      await boss.send(CHAT_ENDED_QUEUE, job);
    },
    work: async (handler, workOptions = {}) => {
      await boss.work(
        CHAT_ENDED_QUEUE,
        {
          batchSize: 1,
          localConcurrency: workOptions.concurrency ?? 2,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
        },
        async ([first]) => {
          const job = first as JobWithMetadata<ChatEndedJob> | undefined;
          if (!job) return;
          await handler(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
        },
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
): JobQueue {
  return createJobQueue({
    databaseUrl,
    logger,
    retryLimit: config.automation.retryLimit,
    retryDelaySeconds: config.automation.retryDelaySeconds,
    retryDelayMaxSeconds: config.automation.retryDelayMaxSeconds,
    expireInSeconds: config.automation.jobTimeoutSeconds,
    pollingIntervalSeconds: pollingIntervalSeconds ?? config.automation.pollIntervalSeconds,
  });
}
