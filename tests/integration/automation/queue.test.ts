import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type ChatEndedJob, type JobQueue } from '../../../server/automation/queue';
import { eventually } from '../../support/automation';
import { createEmptyDatabase } from '../../support/database';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
const queues: JobQueue[] = [];
const logger = pino({ level: 'silent' });

/** A queue of its own on the test's database, started. */
async function queue(options: { pollingIntervalSeconds: number; concurrency?: number }) {
  const q = createJobQueue({
    databaseUrl: database.url,
    logger,
    retryDelaySeconds: 1,
    retryDelayMaxSeconds: 1,
    expireInSeconds: 60,
    ...options,
  });
  queues.push(q);
  await q.start();
  return q;
}

const job = (chatId: string): ChatEndedJob => ({ licenseId: 'lic', chatId, threadId: 'T1' });

/** The queue's jobs of these chats by state, from pg-boss's own table. */
async function statesOf(chatIds: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = 'chat-ended' AND data->>'chatId' = ANY($1) ORDER BY data->>'chatId'`,
      [chatIds],
    );
    return rows.map((r) => r.state);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createEmptyDatabase('queue');
});
afterEach(async () => {
  for (const q of queues.splice(0)) {
    await q.stopWorking(1_000);
    await q.stop();
  }
});
afterAll(async () => {
  await database?.drop();
});

describe('the automation queue', () => {
  it('takes a job sent by another process at once, without waiting for its minute-long poll', async () => {
    const worker = await queue({ pollingIntervalSeconds: 60 });
    const sender = await queue({ pollingIntervalSeconds: 60 });
    const seen: string[] = [];
    // Taken by the worker's first look, when it starts; after it, only a notification wakes it within a minute.
    await sender.enqueueChat(job('woken-0'));
    await worker.work(async (j) => {
      seen.push(j.chatId);
    });
    await eventually(() => expect(seen).toEqual(['woken-0']), 20_000, 50);
    for (const chatId of ['woken-1', 'woken-2']) await sender.enqueueChat(job(chatId));
    await eventually(() => expect([...seen].sort()).toEqual(['woken-0', 'woken-1', 'woken-2']), 20_000, 50);
    await eventually(async () =>
      expect(await statesOf(['woken-0', 'woken-1', 'woken-2'])).toEqual([
        'completed',
        'completed',
        'completed',
      ]),
    );
  });

  it('runs jobs side by side: one that hangs holds up no other, and each is completed on its own', async () => {
    const worker = await queue({ pollingIntervalSeconds: 0.5, concurrency: 4 });
    let release!: () => void;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    await worker.work(async (j) => {
      if (j.chatId === 'side-slow') await hanging;
      done.push(j.chatId);
    });
    for (const chatId of ['side-slow', 'side-a', 'side-b', 'side-c', 'side-d', 'side-e'])
      await worker.enqueueChat(job(chatId));
    // Five quick ones finish (through the three slots the slow one leaves) while it still runs.
    await eventually(() => expect(done.length).toBe(5), 20_000, 50);
    expect(done).not.toContain('side-slow');
    await eventually(async () =>
      expect(await statesOf(['side-a', 'side-b', 'side-c', 'side-d', 'side-e', 'side-slow'])).toEqual([
        'completed',
        'completed',
        'completed',
        'completed',
        'completed',
        'active',
      ]),
    );
    release();
    await eventually(async () => expect(await statesOf(['side-slow'])).toEqual(['completed']));
  });

  it('retries a job whose handler throws, with its attempt count', async () => {
    const worker = await queue({ pollingIntervalSeconds: 0.5 });
    const attempts: number[] = [];
    await worker.work(async (_j, attempt) => {
      attempts.push(attempt.retryCount);
      if (attempt.retryCount === 0) throw new Error('Salesforce is down');
    });
    await worker.enqueueChat(job('retried'));
    await eventually(async () => expect(await statesOf(['retried'])).toEqual(['completed']), 20_000, 100);
    expect(attempts).toEqual([0, 1]);
  });

  it('on stop, waits for the jobs in hand within the grace, and gives back the ones still running', async () => {
    const worker = await queue({ pollingIntervalSeconds: 0.5 });
    let started = 0;
    await worker.work(async (j) => {
      started++;
      if (j.chatId === 'stop-stuck')
        await new Promise(() => {}); // never returns
      else await new Promise((r) => setTimeout(r, 300));
    });
    await worker.enqueueChat(job('stop-quick'));
    await worker.enqueueChat(job('stop-stuck'));
    await eventually(() => expect(started).toBe(2), 20_000, 20);
    expect(await worker.stopWorking(1_500)).toBe(false); // the stuck one is still running
    await worker.stop();
    queues.splice(queues.indexOf(worker), 1);
    // The quick one finished within the grace; the stuck one waits for its retry, never lost.
    expect(await statesOf(['stop-quick', 'stop-stuck'])).toEqual(['completed', 'retry']);
  });
});
