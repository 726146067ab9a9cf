import type { Logger } from 'pino';
import type { Services } from '../app';
import type { Config } from '../config';
import type { Database } from '../db/prisma';
import { createLicenseTokens } from '../livechat/licenseToken';
import { createChatProcessor, RetryLater } from './chatProcessor';
import type { JobQueue } from './queue';

export interface Worker {
  stop(): Promise<void>;
}

/**
 * The automation worker: takes ended-chat jobs from the PostgreSQL queue and creates the mapped
 * records. Any number can run (pg-boss takes jobs with SKIP LOCKED). At start it queues events that
 * were stored but never queued.
 */
export async function startWorker(deps: {
  config: Config;
  db: Database;
  services: Services;
  queue: JobQueue;
  logger: Logger;
  concurrency?: number;
}): Promise<Worker> {
  const log = deps.logger.child({ module: 'worker' });
  const { services } = deps;
  const processor = createChatProcessor({
    db: deps.db,
    livechat: services.livechat,
    licenseTokens: createLicenseTokens({
      db: deps.db,
      livechat: services.livechat,
      secretBox: services.secretBox,
      clock: services.clock,
      logger: deps.logger,
    }),
    connections: services.connections,
    metadata: services.metadata,
    apiVersion: deps.config.salesforce.apiVersion,
    clock: services.clock,
    logger: deps.logger,
    leaseMs: deps.config.automation.jobTimeoutSeconds * 1000,
  });
  await deps.queue.start();
  const requeued = await services.webhooks.enqueuePending();
  if (requeued) log.info({ requeued }, 'queued stored events that had no job');
  await deps.queue.work(
    async (job, attempt) => {
      try {
        await processor.process(job, { final: attempt.retryCount >= attempt.retryLimit });
      } catch (error) {
        if (error instanceof RetryLater) log.info({ ...job, attempt: attempt.retryCount }, error.message);
        else log.error({ err: error, ...job }, 'processing the chat failed; it will be retried');
        throw error;
      }
    },
    { concurrency: deps.concurrency ?? 5 },
  );
  log.info('automation worker started');
  return { stop: () => deps.queue.stop() };
}
