import { beforeAll, describe, expect, it } from 'vitest';
import { demoLicense, olivia } from '../../support/factories/people';
import { endpoints } from '../../../src/api/endpoints';
import { eventually } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { buildMapping } from '../../support/factories/mapping';
import { chatWith, demoOrgId, nora, closeAfterAndResetBeforeEach } from './support';

/**
 * The widget against a Salesforce that is as strict as a real org: SOSL's reserved characters, a
 * call that never answers, and every call naming our app.
 */
let world: World;
let demoOrg: string;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoOrg = demoOrgId(world);
}, 120_000);
closeAfterAndResetBeforeEach(() => world);

const related = (chatId: string) =>
  world.call(world.tokenFor(nora.email), endpoints.related, { query: { chatId, refresh: '1' } });

describe('the visitor’s records on a strict org', () => {
  it.each([
    ['Ann Tagged', 'ann+vip@example-shop.com'],
    ["Mary-Jane O'Neil", "mary-jane.o'neil@example-shop.com"],
    ['Paren Thesis', 'sales(eu)@example-shop.com'],
  ])('finds %s, whose email <%s> holds reserved characters', async (name, email) => {
    const [first, last] = name.split(' ');
    const id = world.salesforce.admin.insertRecord(demoOrg, 'Contact', {
      FirstName: first,
      LastName: last,
      Email: email,
    });
    const body = await related(chatWith(world, { name, email }));
    const account = body.accounts.find((a) => a.account.label === 'Demo Shop')!;
    expect(account.state, account.message ?? '').toBe('ok');
    const contacts = account.objects.find((o) => o.objectName === 'Contact')!;
    expect(contacts.records.map((r) => r.url)).toEqual([expect.stringContaining(id)]);
  });

  it('finds an Account by a phone number with a plus, parentheses and a dash', async () => {
    const owner = world.tokenFor(olivia.email);
    const accountId = (
      await world.app.db.salesforceAccount.findFirstOrThrow({ where: { label: 'Demo Shop' } })
    ).id;
    await world.call(owner, endpoints.createMapping, {
      params: { id: accountId },
      body: buildMapping({
        objectName: 'Account',
        fields: [
          { entryType: 'dynamic', field: 'Name', source: 'visitor.name' },
          { entryType: 'dynamic', field: 'Phone', source: 'customVariable:phone' },
        ],
        searchableFields: ['Phone'],
        autoAssign: false,
      }),
    });
    const id = world.salesforce.admin.insertRecord(demoOrg, 'Account', {
      Name: 'Phone Person Ltd',
      Phone: '+1 (415) 555-0199',
    });
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Phone Person' },
      agentEmail: nora.email,
      sessionFields: { phone: '+1 (415) 555-0199' },
      messages: [['c', 'Hi, call me back please.']],
    });
    const body = await related(chatId);
    const account = body.accounts.find((a) => a.account.label === 'Demo Shop')!;
    expect(account.state, account.message ?? '').toBe('ok');
    const accounts = account.objects.find((o) => o.objectName === 'Account')!;
    expect(accounts.records.map((r) => r.url)).toEqual([expect.stringContaining(id)]);
  });

  it('names our app in every call it makes (Sforce-Call-Options)', async () => {
    await related(chatWith(world, { name: 'John Smith', email: 'john.smith@acme.example' }));
    const calls = world.salesforce.admin.calls(demoOrg);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((c) => c.client)).toEqual(calls.map(() => 'SalesforceForLiveChat'));
  });

  it('tells the agent in plain words when Salesforce does not answer, within the widget’s deadline', async () => {
    world.salesforce.admin.failNext(1, { kind: 'hang', orgId: demoOrg });
    const body = await related(chatWith(world, { name: 'John Smith', email: 'john.smith@acme.example' }));
    const account = body.accounts.find((a) => a.account.label === 'Demo Shop')!;
    expect(account.state).toBe('unavailable');
    expect(account.message).toBe('Salesforce did not answer in time. Try again in a moment.');
    // The hung call was given up (its connection closed), not kept open.
    await eventually(() => expect(world.salesforce.admin.heldRequests()).toBe(0));
  });
});
