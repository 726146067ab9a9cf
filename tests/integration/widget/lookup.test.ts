import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import type { RecordForm } from '../../../src/api/widget';
import { autoMatchAgentUser, buildMapping, requiredLeadEntries } from '../../support/factories/mapping';
import { oscar } from '../../support/factories/people';
import { startWorld, type World } from '../../support/world';
import {
  chatWith,
  connectSecondOrg,
  demoAccountId,
  demoOrgId,
  mappingIdOf,
  nate,
  nora,
  owner,
  zoe,
  closeAfterAndResetBeforeEach,
} from './support';

let world: World;
let demoOrg: string;
let demoAccount: string;
let uat: { accountId: string; orgId: string };

const userId = (email: string) =>
  world.salesforce.admin
    .orgs()
    .find((o) => o.id === demoOrg)!
    .users.find((u) => u.email === email)!.id;
const accountNamed = (name: string) =>
  String(world.salesforce.admin.findRecords(demoOrg, 'Account', { Name: name })[0]!.Id);

/** No Contact has this id (the Contact key prefix, then zeros). */
const NO_SUCH_CONTACT = '003000000000000AAA';

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoOrg = demoOrgId(world);
  demoAccount = await demoAccountId(world);
  uat = await connectSecondOrg(world);
  const ownerToken = world.tokenFor(owner.email);
  // A Case with an Account and an Owner given, and a Contact id no record has; a Task with its
  // polymorphic Name (Contact or Lead) auto-matched and Related To (Account, Case…) given, as an owner
  // would map them (an empty optional value is not saved, so every field here has one).
  for (const mapping of [
    buildMapping({
      objectName: 'Case',
      fields: [
        { entryType: 'static', field: 'Subject', value: 'Question from the chat' },
        { entryType: 'static', field: 'AccountId', value: accountNamed('Wayne Retail'), display: 'Wayne' },
        { entryType: 'static', field: 'OwnerId', value: userId('sam.support@demo-shop.example') },
        { entryType: 'static', field: 'ContactId', value: NO_SUCH_CONTACT },
      ],
      autoAssign: false,
    }),
    buildMapping({
      objectName: 'Task',
      fields: [
        {
          entryType: 'autoMatch',
          field: 'WhoId',
          match: { object: 'Contact', field: 'Email', source: 'visitor.email' },
        },
        { entryType: 'static', field: 'WhatId', value: accountNamed('Acme Corporation') },
      ],
      autoAssign: false,
    }),
  ]) {
    await world.call(ownerToken, endpoints.createMapping, { params: { id: demoAccount }, body: mapping });
  }
  // The sandbox's Leads are owned by the agent who chats: its Users may be looked up.
  await world.call(ownerToken, endpoints.createMapping, {
    params: { id: uat.accountId },
    body: buildMapping({ fields: [...requiredLeadEntries, autoMatchAgentUser()], autoAssign: false }),
  });
}, 120_000);

closeAfterAndResetBeforeEach(() => world);

const lookup = (email: string, query: { accountId: string; object: string; q?: string }) =>
  world.call(world.tokenFor(email), endpoints.widgetLookup, { query });

/** The same request as the widget sends it, for the answers that refuse it. */
const getLookup = (email: string, query: string) =>
  world.api(world.tokenFor(email), `/api/widget/lookup?${query}`);

describe('GET /api/widget/lookup', () => {
  it('finds an object’s records by name, counting the call in the account’s API usage', async () => {
    const before = (await world.app.services.apiUsage.today([demoAccount])).get(demoAccount)!;
    const { records } = await lookup(nora.email, { accountId: demoAccount, object: 'Account', q: 'acme' });
    expect(records).toEqual([{ id: accountNamed('Acme Corporation'), name: 'Acme Corporation' }]);
    const calls = world.salesforce.admin.callCount(demoOrg);
    expect(calls).toBeGreaterThanOrEqual(1);
    const after = (await world.app.services.apiUsage.today([demoAccount])).get(demoAccount)!;
    expect(after.ourCallsToday - before.ourCallsToday).toBe(calls);
  });

  it('lists the first records by name without a search, and finds the users an Owner may be', async () => {
    const all = await lookup(nora.email, { accountId: demoAccount, object: 'Account' });
    const names = all.records.map((r) => r.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    const users = await lookup(nora.email, { accountId: demoAccount, object: 'User', q: 'Nora' });
    expect(users.records).toEqual([{ id: userId(nora.email), name: 'Nora Agent' }]);
  });

  // The SOQL of a backslash is in tests/unit/server/lookups.test.ts: the emulator's LIKE cannot tell `\\%`
  // (a backslash, then any text) from `\%` (a percent sign).
  it('searches quotes and LIKE wildcards as the characters they are', async () => {
    const odd = world.salesforce.admin.insertRecord(demoOrg, 'Account', { Name: `O'Brien's 100% \\ Pub_1` });
    const find = async (q: string) =>
      (await lookup(nora.email, { accountId: demoAccount, object: 'Account', q })).records.map((r) => r.id);
    expect(await find(`O'Brien's`)).toEqual([odd]);
    expect(await find(`'`)).toEqual([odd]);
    expect(await find('100%')).toEqual([odd]);
    expect(await find('%')).toEqual([odd]);
    expect(await find('_1')).toEqual([odd]);
    expect(await find(`' OR Name LIKE '%`)).toEqual([]);
    // A line break pasted into the search box is a space.
    expect(await find(`O'Brien's\n100%`)).toEqual([odd]);
  });

  it('answers 403 for an account the agent may not use, of their license or another', async () => {
    const ownerToken = world.tokenFor(owner.email);
    await world.call(ownerToken, endpoints.putAccess, {
      params: { id: uat.accountId },
      body: { mode: 'agents', groupIds: [], agentEmails: [nate.email] },
    });
    try {
      const refused = await getLookup(nora.email, `accountId=${uat.accountId}&object=User&q=olivia`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect(world.salesforce.admin.callCount(uat.orgId)).toBe(0);
      const allowed = await lookup(nate.email, { accountId: uat.accountId, object: 'User', q: 'olivia' });
      expect(allowed.records.map((r) => r.name)).toEqual(['Olivia Owner']);
    } finally {
      await world.call(ownerToken, endpoints.putAccess, {
        params: { id: uat.accountId },
        body: { mode: 'everyone', groupIds: [], agentEmails: [] },
      });
    }

    // The owner of another license, with this license's account id: the same answer as no account.
    const stranger = await getLookup(oscar.email, `accountId=${demoAccount}&object=Account&q=acme`);
    expect(stranger.status).toBe(403);
    const none = await getLookup(nora.email, `accountId=${crypto.randomUUID()}&object=Account`);
    expect(none.status).toBe(403);
    expect(stranger.body.error.message).toBe(none.body.error.message);
    expect(world.salesforce.admin.callCount(demoOrg)).toBe(0);
  });

  it('answers 403 for an object no mapped field points to, and 404 for one the org does not have', async () => {
    const unmapped = await getLookup(nora.email, `accountId=${demoAccount}&object=Organization&q=a`);
    expect(unmapped.status).toBe(403);
    expect(unmapped.body.error.message).toBe('No field mapped for “Demo Shop” points to Organization.');

    const missing = await getLookup(nora.email, `accountId=${demoAccount}&object=Nope__c&q=a`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'not_found',
      message: 'This Salesforce org has no object called Nope__c.',
    });
    // A Case's Owner may be a Group, which this org does not have.
    expect((await getLookup(nora.email, `accountId=${demoAccount}&object=Group`)).status).toBe(404);
  });

  it('answers 400 naming what is wrong with the input, before asking Salesforce', async () => {
    const cases: [string, string][] = [
      ['object=Account&q=acme', 'query.accountId'],
      [`accountId=not-an-id&object=Account`, 'query.accountId'],
      [`accountId=${demoAccount}`, 'query.object'],
      [`accountId=${demoAccount}&object=${encodeURIComponent("Account WHERE Name != ''")}`, 'query.object'],
      [`accountId=${demoAccount}&object=Account&q=${'a'.repeat(81)}`, 'query.q'],
      [`accountId=${demoAccount}&object=Account&q=%01`, 'query.q'],
      [`accountId=${demoAccount}&object=Account&q=a&q=b`, 'query.q'],
      [`accountId=${demoAccount}&object=Account&q=%00`, 'query.q'],
    ];
    for (const [query, path] of cases) {
      const res = await getLookup(nora.email, query);
      expect({ query, status: res.status, code: res.body?.error?.code }).toEqual({
        query,
        status: 400,
        code: 'validation_failed',
      });
      expect(res.body.error.details.problems.map((p: { path: string }) => p.path)).toContain(path);
    }
    expect((await world.api(null, `/api/widget/lookup?accountId=${demoAccount}&object=Account`)).status).toBe(
      401,
    );
    expect(world.salesforce.admin.callCount(demoOrg)).toBe(0);
  });

  it('says which account has used up its Salesforce API calls', async () => {
    world.salesforce.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED', orgId: demoOrg });
    const res = await getLookup(nora.email, `accountId=${demoAccount}&object=Account&q=limit`);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'salesforce_limit_reached',
      message: '“Demo Shop” has used up its Salesforce API calls for today. Try again later.',
    });
  });
});

describe('the reference fields of GET /api/widget/forms', () => {
  const formOf = async (objectName: string): Promise<RecordForm> => {
    const mappingId = await mappingIdOf(world, demoAccount, objectName);
    const body = await world.call(world.tokenFor(nora.email), endpoints.forms, {
      query: { chatId: chatWith(world, zoe), mappingId },
    });
    return body.accounts[0]!.forms[0]!;
  };
  const fieldOf = (form: RecordForm, name: string) => form.fields.find((f) => f.name === name)!;

  it('offers the objects the org has, and names the records of the ids the mapping gives', async () => {
    const form = await formOf('Case');
    expect(fieldOf(form, 'OwnerId').lookup).toEqual({
      // Salesforce's Case Owner may be a User or a Group; this org has no Group.
      objects: [{ name: 'User', label: 'User' }],
      record: { id: userId('sam.support@demo-shop.example'), name: 'Sam Support', object: 'User' },
    });
    // The record's name as Salesforce has it now, not what the settings showed when it was saved.
    expect(fieldOf(form, 'AccountId').lookup).toEqual({
      objects: [{ name: 'Account', label: 'Account' }],
      record: { id: accountNamed('Wayne Retail'), name: 'Wayne Retail', object: 'Account' },
    });
    expect(fieldOf(form, 'Subject').lookup).toBeUndefined();
  });

  it('says at the field when no record has the id the mapping gives', async () => {
    const form = await formOf('Case');
    expect(fieldOf(form, 'ContactId')).toMatchObject({ value: NO_SUCH_CONTACT, lookup: { record: null } });
    expect(form.problems).toContainEqual(
      expect.objectContaining({
        field: 'ContactId',
        code: 'invalid_id',
        severity: 'error',
        message: expect.stringContaining(`No Contact has the id ${NO_SUCH_CONTACT}`),
      }),
    );
  });

  it('lets a polymorphic field choose among its objects, and knows which one an id is of', async () => {
    const form = await formOf('Task');
    expect(fieldOf(form, 'WhoId')).toMatchObject({
      value: null,
      autoMatch: { object: 'Contact', searchedFor: zoe.email, found: null },
      lookup: { record: null },
    });
    expect(fieldOf(form, 'WhoId').lookup!.objects.map((o) => o.name)).toEqual(['Contact', 'Lead']);
    expect(fieldOf(form, 'WhatId').lookup).toMatchObject({
      objects: expect.arrayContaining([
        { name: 'Account', label: 'Account' },
        { name: 'Case', label: 'Case' },
      ]),
      record: { id: accountNamed('Acme Corporation'), name: 'Acme Corporation', object: 'Account' },
    });
    expect(form.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('gives an auto-matched Owner its record, to show in the lookup', async () => {
    const form = await formOf('Lead');
    expect(fieldOf(form, 'OwnerId').lookup).toMatchObject({
      record: { id: userId(nora.email), name: 'Nora Agent', object: 'User' },
    });
  });

  it('looks the given ids up in one call with the form’s other lookups', async () => {
    await formOf('Case'); // describes cached
    world.salesforce.admin.clearCalls();
    await formOf('Case');
    expect(world.salesforce.admin.calls(demoOrg).map((c) => c.kind)).toEqual(['composite']);
  });
});
