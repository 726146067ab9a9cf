import type { Logger } from 'pino';
import type { ActivityService } from './activity.service';
import { RetryLater, type ChatProcessor } from './chatProcessor';
import type { ChatEndedJob, JobQueue } from './queue';
import type { WebhookService } from './webhook.service';

/** A run untouched this long has no job left (retries are at most 15 minutes apart). */
const STALE_AFTER_MS = 60 * 60 * 1000;

export interface Worker {
  /**
   * Takes no more jobs and waits up to `graceMs` for the chats in hand. What is still in flight then
   * is released: its runs' leases end now and its chats are queued again, so another worker takes
   * them at once instead of after the lease. Then the queue is closed.
   */
  stop(options: { graceMs: number }): Promise<void>;
}

/**
 * The automation worker: takes ended-chat jobs from the PostgreSQL queue and creates the mapped
 * records. Any number can run (pg-boss takes jobs with SKIP LOCKED). At start it queues events that
 * were stored but never queued.
 */
export async function startWorker(deps: {
  processor: ChatProcessor;
  webhooks: Pick<WebhookService, 'enqueuePending' | 'requeueLater'>;
  activity: Pick<ActivityService, 'requeueStale'>;
  queue: JobQueue;
  logger: Logger;
  /** Chats handled at once; default the queue's (AUTOMATION_CONCURRENCY). */
  concurrency?: number;
  sweepIntervalMs?: number;
}): Promise<Worker> {
  const log = deps.logger.child({ module: 'worker' });
  const { processor, webhooks, activity } = deps;
  const stopping = new AbortController();
  const inHand = new Set<ChatEndedJob>();
  await deps.queue.start();
  const requeued = await webhooks.enqueuePending();
  if (requeued) log.info({ requeued }, 'queued stored events that had no job');
  await deps.queue.work(
    async (job, attempt) => {
      const final = attempt.retryCount >= attempt.retryLimit;
      inHand.add(job);
      try {
        await processor.process(job, { final, signal: stopping.signal });
      } catch (error) {
        if (stopping.signal.aborted) throw error;
        if (error instanceof RetryLater) log.info({ ...job, attempt: attempt.retryCount }, error.message);
        else log.error({ err: error, ...job }, 'processing the chat failed; it will be retried');
        // Out of retries before its runs were settled: the sweep queues the chat again later.
        if (final) await webhooks.requeueLater(job);
        throw error;
      } finally {
        inHand.delete(job);
      }
    },
    // Unset: the queue's configured concurrency (AUTOMATION_CONCURRENCY).
    deps.concurrency === undefined ? {} : { concurrency: deps.concurrency },
  );

  // The sweep: events without a job, and runs whose jobs are gone (a worker died on the last
  // attempt), are queued again. Processing is idempotent, so a spare job costs nothing.
  const sweep = async () => {
    await webhooks.enqueuePending();
    await activity.requeueStale(new Date(Date.now() - STALE_AFTER_MS));
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.warn({ err: error }, 'sweep failed'));
  }, deps.sweepIntervalMs ?? 60_000);
  timer.unref();
  log.info('automation worker started');
  return {
    stop: async ({ graceMs }) => {
      clearInterval(timer);
      if (!(await deps.queue.stopWorking(graceMs))) {
        stopping.abort();
        const released = await processor.releaseInFlight();
        const chats = [...inHand];
        for (const job of chats) await deps.queue.enqueueChat(job);
        log.info(
          { runs: released, chats: chats.length },
          'stopping: released the runs still in flight; another worker takes them now',
        );
      }
      await deps.queue.stop();
    },
  };
}
