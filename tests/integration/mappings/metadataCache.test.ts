import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { olivia } from '../../support/factories/people';

let world: World;
let owner: string;
let accountId: string;

beforeAll(async () => {
  world = await startWorld({ seed: true });
  owner = world.tokenFor(olivia.email);
  accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
});
afterAll(async () => {
  await world?.close();
});

const leadDescribe = () =>
  world.call(owner, endpoints.describeObject, { params: { id: accountId, objectName: 'Lead' } });
const describeCalls = () => world.salesforce.admin.calls(DEMO_ORG, { kind: 'describe' });
/** Makes the cached Lead describe older than its freshness window, as if 20 minutes had passed. */
const ageCache = () =>
  world.app.db.salesforceDescribeCache.updateMany({
    where: { accountId, objectName: 'Lead' },
    data: { fetchedAt: new Date(Date.now() - 20 * 60 * 1000) },
  });

describe('the describe cache', () => {
  it('revalidates an old entry with If-Modified-Since: an unchanged object costs a 304 and keeps its fields', async () => {
    await leadDescribe();
    await ageCache();
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const { object } = await leadDescribe();
    expect(describeCalls().map((c) => c.status)).toEqual([304]);
    expect(object.fields.map((f) => f.name)).toContain('LastName');
    // Fresh again: no call at all.
    await leadDescribe();
    expect(describeCalls()).toHaveLength(1);
  });

  it('picks up a field added in Salesforce once the entry is revalidated', async () => {
    world.salesforce.admin.addField(DEMO_ORG, 'Lead', fields.text('Chat_Rating__c', 'Chat Rating', 20));
    await ageCache();
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const { object } = await leadDescribe();
    expect(describeCalls().map((c) => c.status)).toEqual([200]);
    expect(object.fields.map((f) => f.name)).toContain('Chat_Rating__c');
  });

  it('fetches whole, once, a describe cached before record types were kept', async () => {
    await leadDescribe();
    const row = await world.app.db.salesforceDescribeCache.findUniqueOrThrow({
      where: { accountId_objectName: { accountId, objectName: 'Lead' } },
    });
    const { recordTypes: _kept, ...before } = row.body as Record<string, unknown>;
    await world.app.db.salesforceDescribeCache.update({
      where: { accountId_objectName: { accountId, objectName: 'Lead' } },
      data: { body: before as object, fetchedAt: new Date() },
    });
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const { object } = await leadDescribe();
    expect(describeCalls().map((c) => c.status)).toEqual([200]);
    expect(object.recordTypes?.map((rt) => rt.name)).toEqual(['Master', 'Sales Lead', 'Partner Lead']);
    await leadDescribe();
    expect(describeCalls()).toHaveLength(1);
  });
});
