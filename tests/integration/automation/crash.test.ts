import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLicense } from '../../../emulators/demo/people';
import { DEMO_ORG, endNewChat, eventually, isDone, leadsWithEmail, runsOf } from '../../support/automation';
import { startWorldForWorkers } from '../../support/workerProcess';
import type { World } from '../../support/world';

let world: World;
let workers: Awaited<ReturnType<typeof startWorldForWorkers>>;

beforeAll(async () => {
  workers = await startWorldForWorkers('crash');
  world = workers.world;
});
afterAll(async () => {
  await workers?.close();
});

describe('a worker killed in the middle of a batch', () => {
  it('leaves every chat with its record exactly once after another worker takes over, while 40 % of Salesforce calls fail', async () => {
    world.salesforce.admin.setLatency(150);
    // The storm: 503s, top-level 500 UNKNOWN_EXCEPTIONs and the daily limit, all of them temporary.
    world.salesforce.admin.failRate({
      probability: 0.4,
      kind: [503, 500, 'REQUEST_LIMIT_EXCEEDED'],
      orgId: DEMO_ORG,
      seed: 5,
    });
    const visitors = Array.from({ length: 6 }, (_, i) => ({
      name: `Crash Visitor${i}`,
      email: `crash.${i}@example.com`,
    }));
    const ended = visitors.map((v) => endNewChat(world, v));

    const first = workers.spawn();
    await eventually(
      async () => {
        const done = await world.app.db.automationRun.count({ where: { status: 'created' } });
        expect(done).toBeGreaterThanOrEqual(2);
      },
      60_000,
      50,
    );
    first.kill();
    const doneAtKill = await world.app.db.automationRun.count({ where: { status: 'created' } });
    expect(doneAtKill).toBeLessThan(visitors.length); // killed mid-batch

    workers.spawn(); // another worker takes over
    await eventually(
      async () => {
        for (const chat of ended) {
          const runs = await runsOf(world, chat.chatId);
          expect(runs).toHaveLength(1);
          expect(isDone(runs[0]!.status), `${chat.chatId} ${runs[0]!.status}`).toBe(true);
        }
      },
      90_000,
      250,
    );
    world.salesforce.admin.setLatency(0);
    world.salesforce.admin.clearFaults();
    for (const v of visitors) expect(leadsWithEmail(world, v.email), v.email).toHaveLength(1);
    const statuses = await world.app.db.automationRun.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status)).toEqual(['created']);
  }, 150_000);

  it('finds the record a crashed attempt created instead of creating it again', async () => {
    // A worker died after Salesforce created the Lead and before the run was saved: the run is
    // "running" with an expired lease, and the Lead exists.
    const ended = endNewChat(world, { name: 'Half Done', email: 'half.done@example.com' });
    const mapping = await world.app.db.objectMapping.findFirstOrThrow({ where: { objectName: 'Lead' } });
    const account = await world.app.db.salesforceAccount.findFirstOrThrow();
    const startedAt = new Date(Date.now() - 5_000);
    await world.app.db.automationRun.create({
      data: {
        licenseId: demoLicense.organizationId,
        chatId: ended.chatId,
        threadId: ended.threadId,
        mappingId: mapping.id,
        accountId: account.id,
        objectName: 'Lead',
        status: 'running',
        attempts: 1,
        startedAt,
        leaseUntil: new Date(Date.now() - 1_000),
      },
    });
    const existing = world.salesforce.admin.insertRecord(DEMO_ORG, 'Lead', {
      LastName: 'Done',
      FirstName: 'Half',
      Company: 'Unknown (LiveChat)',
      Email: 'half.done@example.com',
    });
    const worker = workers.spawn();
    const run = await eventually(
      async () => {
        const [r] = await runsOf(world, ended.chatId);
        expect(r?.status).toBe('created');
        return r!;
      },
      60_000,
      200,
    );
    expect(run.recordId).toBe(existing);
    expect(leadsWithEmail(world, 'half.done@example.com')).toHaveLength(1);
    await worker.stop();
  }, 90_000);
});
