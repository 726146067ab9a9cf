import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, endNewChat, leadsWithEmail, runsOf } from '../../support/automation';
import { startWorldForWorkers } from '../../support/workerProcess';
import type { World } from '../../support/world';

let world: World;
let workers: Awaited<ReturnType<typeof startWorldForWorkers>>;
// A lease far longer than the test may wait: a run that is taken must have been released, not expired.
const longLease = { AUTOMATION_JOB_TIMEOUT_SECONDS: '300', SHUTDOWN_GRACE_SECONDS: '1' };

beforeAll(async () => {
  workers = await startWorldForWorkers('shutdown');
  world = workers.world;
});
afterAll(async () => {
  await workers?.close();
});

describe('a worker stopped with SIGTERM while a run is in flight', () => {
  it('exits 0 without an error line, and another worker takes the run at once', async () => {
    // Every Salesforce answer takes 20 s: the run cannot finish within the 1 s grace.
    world.salesforce.admin.setLatency(20_000);
    const chat = endNewChat(world, { name: 'Stopping Visitor', email: 'stopping.visitor@example.com' });
    const first = workers.spawn(longLease);
    await eventually(
      async () => {
        const [run] = await runsOf(world, chat.chatId);
        expect(run?.status).toBe('running');
      },
      30_000,
      50,
    );

    const code = await first.stop();
    expect(code).toBe(0);
    const lines = first.output().split('\n').filter(Boolean);
    expect(lines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
    expect(first.output()).toContain('released the runs still in flight');
    const [released] = await runsOf(world, chat.chatId);
    expect(released!.status).toBe('running');
    expect(released!.leaseUntil!.getTime()).toBeLessThanOrEqual(Date.now());

    world.salesforce.admin.setLatency(0);
    const second = workers.spawn(longLease);
    // Well within the 300 s lease the first worker took: the release, not the expiry, freed it.
    const done = await eventually(
      async () => {
        const [run] = await runsOf(world, chat.chatId);
        expect(run?.status).toBe('created');
        return run!;
      },
      30_000,
      100,
    );
    expect(leadsWithEmail(world, 'stopping.visitor@example.com')).toHaveLength(1);
    expect(done.recordId).toBe(leadsWithEmail(world, 'stopping.visitor@example.com')[0]!.Id);
    expect(await second.stop()).toBe(0);
    expect(second.output()).not.toMatch(/"level":(50|60)/);
  }, 90_000);
});
