/**
 * What one ended chat costs: PostgreSQL statements (counted on the wire), Salesforce calls (the
 * emulator's log), and describe revalidations when many chats need the same object at once. The
 * chats are processed here, by the app's own chat processor, with no worker running beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLicense } from '../../../emulators/demo/people';
import type { ChatEndedJob } from '../../../server/automation/queue';
import { createMapping } from '../../../server/mappings/mappings.repo';
import { DEMO_ORG, endNewChat, leadsWithEmail, runsOf } from '../../support/automation';
import { createEmptyDatabase } from '../../support/database';
import { startWireCounter, type WireCounter } from '../../support/pgWire';
import { startWorld, type World } from '../../support/world';

let world: World;
let counter: WireCounter;
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;

beforeAll(async () => {
  database = await createEmptyDatabase('economy');
  counter = await startWireCounter(database.url);
  world = await startWorld({ seed: true, worker: false, databaseUrl: counter.url });
});
afterAll(async () => {
  await world?.close();
  await counter?.close();
  await database?.drop();
});

let visitors = 0;
/** A chat of a new visitor, ended (its webhook stored), as the job the worker would get. */
function endedChat(email = `economy.${++visitors}@example.com`): ChatEndedJob {
  const ended = endNewChat(world, { name: `Economy Visitor${visitors}`, email });
  return { licenseId: demoLicense.organizationId, chatId: ended.chatId, threadId: ended.threadId };
}
const process = (job: ChatEndedJob) => world.app.services.chatProcessor.process(job);
const calls = () => world.salesforce.admin.calls(DEMO_ORG, { counted: true });

/**
 * The statements one chat's processing sends: the app's connections only (pg-boss's upkeep runs on
 * its own, named ones), without the usage write every few seconds.
 */
async function statementsOf(job: ChatEndedJob): Promise<string[]> {
  await world.livechat.admin.waitForDeliveries(); // the webhook's own statements come before
  counter.reset();
  await process(job);
  return counter
    .traffic()
    .filter((c) => !c.application.startsWith('pgboss'))
    .flatMap((c) => c.statements)
    .filter((text) => !/salesforce_api_usage/.test(text));
}

describe('the Salesforce describes of a chat’s objects', () => {
  it('are revalidated once per object while five chats need them at the same time', async () => {
    await process(endedChat()); // the org's describes are cached
    await world.app.db
      .$executeRaw`UPDATE salesforce_describe_cache SET fetched_at = fetched_at - interval '1 day'`;
    world.salesforce.admin.setLatency(300);
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const jobs = Array.from({ length: 5 }, () => endedChat());
    await world.livechat.admin.waitForDeliveries();
    try {
      await Promise.all(jobs.map(process));
    } finally {
      world.salesforce.admin.setLatency(0);
    }
    const describes = calls().filter((c) => c.kind === 'describe');
    expect(describes.map((c) => c.path).sort()).toEqual([
      '/services/data/v62.0/sobjects/Lead/describe',
      '/services/data/v62.0/sobjects/User/describe',
    ]);
    for (const job of jobs) expect((await runsOf(world, job.chatId))[0]?.status).toBe('created');
  });
});

describe('one ended chat', () => {
  it('costs at most 8 statements for one mapping (10 with the queue’s fetch and completion), 4 more per extra mapping', async () => {
    await process(endedChat()); // warm
    const one = await statementsOf(endedChat());
    expect(one.length, one.join('\n')).toBeLessThanOrEqual(8);
    expect(one.filter((s) => /^(BEGIN|COMMIT)/.test(s))).toEqual([]);

    // Three records from one chat: the Lead, a Contact and a Case.
    await world.app.db.objectMapping.updateMany({
      where: { objectName: 'Contact' },
      data: { automation: true },
    });
    const lead = await world.app.db.objectMapping.findFirstOrThrow({ where: { objectName: 'Lead' } });
    await createMapping(world.app.db, {
      licenseId: lead.licenseId,
      accountId: lead.accountId,
      objectLabel: 'Case',
      mapping: {
        objectName: 'Case',
        fields: [
          { entryType: 'static', field: 'Subject', value: 'LiveChat conversation' },
          { entryType: 'static', field: 'Origin', value: 'Chat' },
        ],
        searchableFields: [],
        automation: true,
        duplicatePolicy: 'create',
        autoAssign: false,
      },
    });
    try {
      await process(endedChat()); // warm: the Contact's and the Case's describes
      const three = await statementsOf(endedChat());
      expect(three.length - one.length, three.join('\n')).toBeLessThanOrEqual(2 * 4);
    } finally {
      await world.app.db.objectMapping.updateMany({
        where: { objectName: { in: ['Contact', 'Case'] } },
        data: { automation: false },
      });
    }
  });
});

describe('the "link" policy', () => {
  it('takes one Salesforce call when the org’s duplicate rule checks the searchable field: a create, linked on DUPLICATES_DETECTED', async () => {
    const existing = world.salesforce.admin.insertRecord(DEMO_ORG, 'Lead', {
      LastName: 'Known',
      Company: 'Known Ltd',
      Email: 'known.visitor@example.com',
    });
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const known = endedChat('known.visitor@example.com');
    const fresh = endedChat();
    await world.livechat.admin.waitForDeliveries();
    await process(known);
    await process(fresh);
    expect(calls().map((c) => c.kind)).toEqual(['composite', 'composite']);
    const [linked] = await runsOf(world, known.chatId);
    expect(linked).toMatchObject({ status: 'linked', recordId: existing, sfCalls: 1 });
    expect(linked!.errorMessage).toBe(
      'The org’s duplicate rules found this visitor’s existing Lead; linked to it.',
    );
    expect(leadsWithEmail(world, 'known.visitor@example.com')).toHaveLength(1);
    expect((await runsOf(world, fresh.chatId))[0]).toMatchObject({ status: 'created', sfCalls: 1 });
  });

  it('searches first (two calls) when the org has no such rule, and still links', async () => {
    world.salesforce.admin.updateSettings(DEMO_ORG, { duplicateRules: { Lead: 'off', Contact: 'alert' } });
    // The rules read before are past their 15 minutes: read again.
    await world.app.db
      .$executeRaw`UPDATE salesforce_describe_cache SET fetched_at = fetched_at - interval '1 day' WHERE object_name LIKE '$duplicates:%'`;
    const existing = world.salesforce.admin.insertRecord(DEMO_ORG, 'Lead', {
      LastName: 'Again',
      Company: 'Again Ltd',
      Email: 'again.visitor@example.com',
    });
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const fresh = endedChat();
    const known = endedChat('again.visitor@example.com');
    await world.livechat.admin.waitForDeliveries();
    try {
      await process(fresh);
      await process(known);
    } finally {
      world.salesforce.admin.updateSettings(DEMO_ORG, {
        duplicateRules: { Lead: 'alert', Contact: 'alert' },
      });
    }
    // The rules (once), then search and create for the new visitor, then the search that finds the known one.
    expect(calls().map((c) => c.kind)).toEqual(['other', 'composite', 'composite', 'composite']);
    expect((await runsOf(world, fresh.chatId))[0]).toMatchObject({ status: 'created', sfCalls: 2 });
    expect((await runsOf(world, known.chatId))[0]).toMatchObject({
      status: 'linked',
      recordId: existing,
      sfCalls: 1,
      errorMessage: null,
    });
  });
});
