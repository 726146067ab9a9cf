/**
 * The chat's set in the widget (issue 15): what the agent sees of the chat's records (found, to be
 * created, skipped), creating the whole set in one composite graph with each record recorded as the
 * chat's settled run (automation after the chat links to them), and attaching the transcript to a
 * record shown. Against the emulators over HTTP; automation runs through the app's own chat processor.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoLinkedSet } from '../../../emulators/demo/demo';
import { demoLicense, otherLicense, oscar } from '../../support/factories/people';
import { createMapping } from '../../../server/mappings/mappings.repo';
import { endpoints } from '../../../src/api/endpoints';
import type { ChatSetAccount, RecordCardField, SetMember } from '../../../src/api/widget';
import type { Mapping } from '../../../src/mapping/mapping';
import { DEMO_ORG, runsOf } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { closeAfterAndResetBeforeEach, demoAccountId, john, nate, nora, owner } from './support';
import { visitorLeadMapping } from '../../support/factories/mapping';

let world: World;
let demoAccount: string;
beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoAccount = await demoAccountId(world);
}, 120_000);
closeAfterAndResetBeforeEach(() => world);

const [contactMapping, caseMapping, taskMapping] = demoLinkedSet as [Mapping, Mapping, Mapping];
/** No Lead for a visitor who is already a Contact. */
const leadMapping = visitorLeadMapping({ automation: false, skipIfExistsAs: ['Contact'] });

/** The demo account's mappings become exactly these; answers their ids by object (Task: the conversation). */
async function useMappings(...mappings: Mapping[]): Promise<Record<string, string>> {
  const db = world.app.db;
  await db.objectMapping.deleteMany({ where: { accountId: demoAccount } });
  const ids: Record<string, string> = {};
  for (const mapping of mappings) {
    const row = await createMapping(db, {
      licenseId: demoLicense.organizationId,
      accountId: demoAccount,
      objectLabel: mapping.objectName,
      mapping,
    });
    ids[mapping.objectName] = row.id;
  }
  return ids;
}

const sf = () => world.salesforce.admin;
/** The org's Salesforce API calls since the last clear, as method and path. */
const calls = () =>
  sf()
    .calls(DEMO_ORG, { counted: true })
    .map((c) => `${c.method} ${c.path.replace(/^\/services\/data\/v[\d.]+/, '')}`);
const contactOf = (email: string) => sf().findRecords(DEMO_ORG, 'Contact', { Email: email })[0]!;

let visitors = 0;
/** A new visitor, in no org yet. */
const newVisitor = () => {
  visitors += 1;
  return { name: `Ines Visitor${visitors}`, email: `ines.${visitors}.${Date.now()}@example.com` };
};

/** A chat of the demo license answered by Nora, still going on. */
function openChat(visitor: { name: string; email: string }, messages?: ['c' | 'a', string][]) {
  return world.livechat.admin.createChat(demoLicense.licenseId, {
    visitor,
    agentEmail: nora.email,
    active: true,
    messages: messages ?? [
      ['c', 'Hello, my order arrived broken.'],
      ['a', 'Sorry to hear that! Let me open a case.'],
    ],
  });
}

const token = (email = nora.email) => world.tokenFor(email);
const getSet = (chatId: string, email = nora.email) =>
  world.call(token(email), endpoints.chatSet, { query: { chatId } });
const demoSet = async (chatId: string): Promise<ChatSetAccount> =>
  (await getSet(chatId)).accounts.find((a) => a.account.id === demoAccount)!;
const memberOf = (set: ChatSetAccount, objectName: string): SetMember =>
  set.members.find((m) => m.objectName === objectName)!;
const createSet = (chatId: string, email = nora.email) =>
  world.api(token(email), '/api/widget/set', { body: { chatId, accountId: demoAccount } });
const attach = (chatId: string, recordId: string, email = nora.email) =>
  world.api(token(email), '/api/widget/transcript', { body: { chatId, accountId: demoAccount, recordId } });

/** Ends the chat and lets automation process it, as the worker would after LiveChat's webhook. */
async function endAndProcess(chat: { chatId: string; threadId: string }) {
  world.livechat.admin.endChat(demoLicense.licenseId, chat.chatId);
  await world.livechat.admin.waitForDeliveries();
  await world.app.services.chatProcessor.process({
    licenseId: demoLicense.organizationId,
    chatId: chat.chatId,
    threadId: chat.threadId,
  });
}

beforeEach(() => {
  sf().clearFaults();
});

describe('GET /api/widget/set', () => {
  it('shows the Contact found, the Lead skipped for it and the Case to be created after the chat, in the set’s order', async () => {
    const ids = await useMappings(leadMapping, contactMapping, caseMapping, taskMapping);
    const chat = openChat({ name: 'John Smith', email: john.email });
    await demoSet(chat.chatId); // describes cached: only the set's own calls are counted below
    sf().clearCalls(DEMO_ORG);

    const set = await demoSet(chat.chatId);
    const johnContact = contactOf(john.email);
    expect(set.state).toBe('ok');
    // The Lead skips for Contacts, so it comes after the Contact, whose record decides it.
    expect(set.members.map((m) => m.objectName)).toEqual(['Contact', 'Lead', 'Case']);
    expect(memberOf(set, 'Contact')).toMatchObject({
      mappingId: ids.Contact,
      state: 'found',
      record: { id: johnContact.Id, name: 'John Smith', objectName: 'Contact' },
    });
    expect(memberOf(set, 'Contact').record!.url).toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
    expect(memberOf(set, 'Lead')).toMatchObject({
      state: 'skipped',
      record: { id: johnContact.Id, objectName: 'Contact' },
      note: 'This visitor is already a Contact in Salesforce, so no Lead is created.',
    });
    expect(memberOf(set, 'Case')).toMatchObject({
      state: 'toCreate',
      record: null,
      automation: true,
      refersTo: [{ field: 'ContactId', fieldLabel: 'Contact ID', object: 'Contact' }],
    });
    expect(set.conversation).toEqual({ mappingId: ids.Task, logAs: 'task', automation: true });
    expect(set.attachableObjects).toEqual(expect.arrayContaining(['Account', 'Case', 'Contact', 'Lead']));
    // One composite call reads the set (the same finds automation makes) and the names of the records found.
    expect(calls()).toEqual(['POST /composite']);
    expect(await runsOf(world, chat.chatId)).toEqual([]);
  });

  it('lists no account the agent may not use, and none to an agent of another license', async () => {
    await useMappings(contactMapping, caseMapping);
    const chat = openChat({ name: 'John Smith', email: john.email });
    const ownerToken = token(owner.email);
    await world.call(ownerToken, endpoints.putAccess, {
      params: { id: demoAccount },
      body: { mode: 'agents', groupIds: [], agentEmails: [nate.email] },
    });
    try {
      expect((await getSet(chat.chatId)).accounts.map((a) => a.account.id)).not.toContain(demoAccount);
      const refused = await createSet(chat.chatId);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await world.call(ownerToken, endpoints.putAccess, {
        params: { id: demoAccount },
        body: { mode: 'everyone', groupIds: [], agentEmails: [] },
      });
    }
    const [otherChat] = world.livechat.admin.chats(otherLicense.licenseId);
    const stranger = await world.api(token(oscar.email), '/api/widget/set', {
      body: { chatId: otherChat!.id, accountId: demoAccount },
    });
    expect(stranger.status).toBe(404);
    const strangerAttach = await world.api(token(oscar.email), '/api/widget/transcript', {
      body: { chatId: otherChat!.id, accountId: demoAccount, recordId: contactOf(john.email).Id },
    });
    expect(strangerAttach.status).toBe(404);
  });
});

describe('POST /api/widget/set', () => {
  it('creates the Case on the Contact found in one graph, as a settled run; after the chat automation creates nothing twice and logs the Task on that Case', async () => {
    const ids = await useMappings(contactMapping, caseMapping, taskMapping);
    const chat = openChat({ name: 'John Smith', email: john.email });
    const johnContact = contactOf(john.email);
    const casesBefore = sf().findRecords(DEMO_ORG, 'Case', { ContactId: String(johnContact.Id) }).length;
    // As in the widget: the records are shown first (their cards' lookups described), then the set.
    await world.call(token(), endpoints.related, { query: { chatId: chat.chatId } });
    await demoSet(chat.chatId);
    sf().clearCalls(DEMO_ORG);

    const created = await createSet(chat.chatId);
    expect(created.status).toBe(201);
    const body = created.body as { set: ChatSetAccount; created: { mappingId: string; id: string }[] };
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({ mappingId: ids.Case, objectName: 'Case' });
    const caseId = body.created[0]!.id;
    expect(sf().getRecord(DEMO_ORG, caseId)?.record).toMatchObject({
      ContactId: johnContact.Id,
      Origin: 'Chat',
    });
    // The reads, the one graph that writes, then the records' cards (their names with them).
    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph', 'POST /composite']);
    expect(memberOf(body.set, 'Case')).toMatchObject({
      state: 'created',
      createdBy: 'agent',
      record: { id: caseId },
    });
    expect(memberOf(body.set, 'Contact')).toMatchObject({ state: 'found', record: { id: johnContact.Id } });
    const [run] = await runsOf(world, chat.chatId);
    expect(run).toMatchObject({ mappingId: ids.Case, status: 'created', recordId: caseId, attempts: 0 });

    // Nothing is left to create: the button's second press writes nothing.
    sf().clearCalls(DEMO_ORG);
    const again = await createSet(chat.chatId);
    expect(again.status).toBe(201);
    expect((again.body as { created: unknown[] }).created).toEqual([]);
    expect(calls()).not.toContain('POST /composite/graph');

    await endAndProcess(chat);
    const cases = sf().findRecords(DEMO_ORG, 'Case', { ContactId: String(johnContact.Id) });
    expect(cases).toHaveLength(casesBefore + 1);
    const runs = Object.fromEntries((await runsOf(world, chat.chatId)).map((r) => [r.mappingId, r]));
    expect(runs[ids.Case!]).toMatchObject({ status: 'created', recordId: caseId, attempts: 0 });
    expect(runs[ids.Contact!]).toMatchObject({ status: 'linked', recordId: johnContact.Id });
    expect(runs[ids.Task!]).toMatchObject({ status: 'created' });
    expect(sf().getRecord(DEMO_ORG, runs[ids.Task!]!.recordId!)?.record).toMatchObject({
      WhoId: johnContact.Id,
      WhatId: caseId,
      Status: 'Completed',
    });
    expect(memberOf(await demoSet(chat.chatId), 'Case')).toMatchObject({
      state: 'created',
      createdBy: 'agent',
    });
  });

  it('creates a new visitor’s Contact and Case together, the Case on the new Contact, and no Lead beside the Contact', async () => {
    const ids = await useMappings(leadMapping, contactMapping, caseMapping, taskMapping);
    const visitor = newVisitor();
    const chat = openChat(visitor);
    // As in the widget: the records are shown first (their cards' lookups described), then the set.
    await world.call(token(), endpoints.related, { query: { chatId: chat.chatId } });
    const before = await demoSet(chat.chatId);
    expect(before.members.map((m) => [m.objectName, m.state])).toEqual([
      ['Contact', 'toCreate'],
      ['Lead', 'skipped'],
      ['Case', 'toCreate'],
    ]);
    expect(memberOf(before, 'Lead').note).toBe('This visitor is this chat’s Contact, so no Lead is created.');
    sf().clearCalls(DEMO_ORG);

    const created = await createSet(chat.chatId);
    expect(created.status).toBe(201);
    // The reads, the graph, then one read of the new records' cards (their names with them).
    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph', 'POST /composite']);
    const contact = contactOf(visitor.email);
    expect(contact).toMatchObject({ LastName: 'Visitor' + String(visitors) });
    expect(sf().findRecords(DEMO_ORG, 'Lead', { Email: visitor.email })).toEqual([]);
    const [theCase] = sf().findRecords(DEMO_ORG, 'Case', { ContactId: String(contact.Id) });
    expect(theCase).toMatchObject({ Origin: 'Chat' });
    const runs = await runsOf(world, chat.chatId);
    expect(runs.map((r) => [r.mappingId, r.status, r.recordId]).sort()).toEqual(
      [
        [ids.Contact, 'created', contact.Id],
        [ids.Case, 'created', theCase!.Id],
      ].sort(),
    );
    const set = (created.body as { set: ChatSetAccount }).set;
    expect(set.members.map((m) => [m.objectName, m.state])).toEqual([
      ['Contact', 'created'],
      ['Lead', 'skipped'],
      ['Case', 'created'],
    ]);
    expect(memberOf(set, 'Lead').note).toBe('This visitor is this chat’s Contact, so no Lead is created.');
    expect(memberOf(set, 'Contact').record).toMatchObject({ name: visitor.name });

    // Each new record comes with its card: the Contact as the widget's search shows it, the Case (not
    // searched by the visitor's values) with what Salesforce gave it (its default status and priority).
    // The widget draws these at once: Salesforce's search index may lag behind a create.
    const made = (created.body as { created: { id: string; name: string; fields: RecordCardField[] }[] })
      .created;
    const related = await world.call(token(), endpoints.related, {
      query: { chatId: chat.chatId, refresh: 'true' },
    });
    const searched = related.accounts
      .find((a) => a.account.id === demoAccount)!
      .objects.flatMap((o) => o.records);
    expect(made.map((m) => m.id).sort()).toEqual([contact.Id, theCase!.Id].sort());
    const shownContact = searched.find((r) => r.id === contact.Id)!;
    expect(made.find((m) => m.id === contact.Id)).toMatchObject({
      name: shownContact.name,
      fields: shownContact.fields,
    });
    const caseCard = made.find((m) => m.id === theCase!.Id)!;
    expect(caseCard.name).toBe(theCase!.CaseNumber);
    expect(caseCard.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'Status', value: theCase!.Status }),
        expect.objectContaining({ field: 'Priority', value: theCase!.Priority }),
      ]),
    );
  });

  it('keeps nothing when Salesforce refuses the Case, says which record and why, and records no run', async () => {
    const tom = contactOf('tom.becker@hooli.example');
    const missingAccount = `${String(tom.AccountId).slice(0, 12)}ZZZ`;
    const ids = await useMappings(contactMapping, {
      ...caseMapping,
      fields: [...caseMapping.fields, { entryType: 'static', field: 'AccountId', value: missingAccount }],
    });
    const visitor = newVisitor();
    const chat = openChat(visitor);

    const refused = await createSet(chat.chatId);
    expect(refused.status).toBe(422);
    const error = (
      refused.body as { error: { code: string; message: string; details: { problems: { path: string }[] } } }
    ).error;
    expect(error.code).toBe('salesforce_error');
    expect(error.message).toMatch(/^Salesforce refused the Case: .+ Nothing was created\.$/);
    expect(error.details.problems[0]!.path).toBe(`${ids.Case}.values.AccountId`);
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: visitor.email })).toEqual([]);
    expect(await runsOf(world, chat.chatId)).toEqual([]);
  });

  it('answers 400 naming what is wrong with the input, before asking Salesforce', async () => {
    const chat = openChat({ name: 'John Smith', email: john.email });
    sf().clearCalls(DEMO_ORG);
    const cases: [unknown, string][] = [
      [{ accountId: demoAccount }, 'body.chatId'],
      [{ chatId: chat.chatId, accountId: 'not-an-id' }, 'body.accountId'],
      [{ chatId: 'no spaces allowed', accountId: demoAccount }, 'body.chatId'],
    ];
    for (const [body, path] of cases) {
      const res = await world.api(token(), '/api/widget/set', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(path);
    }
    const query = await world.api(token(), '/api/widget/set');
    expect(query.status).toBe(400);
    expect(JSON.stringify(query.body)).toContain('query.chatId');
    expect(sf().callCount(DEMO_ORG)).toBe(0);
  });
});

describe('one record from the Create form', () => {
  it('prefills the Case’s Contact with the chat’s Contact, and records the Case as the chat’s run so automation makes no second one', async () => {
    const ids = await useMappings(contactMapping, caseMapping, taskMapping);
    const chat = openChat({ name: 'John Smith', email: john.email });
    const johnContact = contactOf(john.email);
    const forms = await world.call(token(), endpoints.forms, {
      query: { chatId: chat.chatId, mappingId: ids.Case! },
    });
    const form = forms.accounts[0]!.forms[0]!;
    const contactField = form.fields.find((f) => f.name === 'ContactId')!;
    expect(contactField).toMatchObject({
      entryType: 'chatRecord',
      value: johnContact.Id,
      chatRecord: { object: 'Contact', objectLabel: 'Contact' },
      lookup: { record: { id: johnContact.Id, name: 'John Smith', object: 'Contact' } },
    });

    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value]));
    const created = await world.call(token(), endpoints.createRecord, {
      body: { chatId: chat.chatId, mappingId: ids.Case!, values },
    });
    expect(sf().getRecord(DEMO_ORG, created.record.id)?.record).toMatchObject({ ContactId: johnContact.Id });
    const [run] = await runsOf(world, chat.chatId);
    expect(run).toMatchObject({ mappingId: ids.Case, status: 'created', recordId: created.record.id });

    await endAndProcess(chat);
    const cases = sf()
      .findRecords(DEMO_ORG, 'Case', { ContactId: String(johnContact.Id) })
      .filter((c) => String(c.Subject).includes(`(chat ${chat.chatId})`));
    expect(cases.map((c) => c.Id)).toEqual([created.record.id]);
    const task = (await runsOf(world, chat.chatId)).find((r) => r.mappingId === ids.Task)!;
    expect(sf().getRecord(DEMO_ORG, task.recordId!)?.record).toMatchObject({ WhatId: created.record.id });
  });
});

describe('POST /api/widget/transcript', () => {
  it('attaches the transcript to an open Case as a completed Task, on the chat’s Contact too', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    const johnContact = contactOf(john.email);
    const openCase = sf().insertRecord(DEMO_ORG, 'Case', {
      Subject: 'Broken coffee grinder',
      Status: 'New',
      SuppliedEmail: john.email,
    });
    const chat = openChat({ name: 'John Smith', email: john.email });

    const res = await attach(chat.chatId, openCase);
    expect(res.status).toBe(201);
    const body = res.body as { kind: string; id: string; name: string; url: string; linkedTo: string[] };
    expect(body).toMatchObject({ kind: 'task', linkedTo: [openCase, johnContact.Id] });
    expect(body.name).toMatch(new RegExp(`^LiveChat chat with John Smith, .+ \\(chat ${chat.chatId}\\)$`));
    expect(body.url).toMatch(new RegExp(`/lightning/r/Task/${body.id}/view$`));
    const task = sf().getRecord(DEMO_ORG, body.id)?.record;
    expect(task).toMatchObject({ WhatId: openCase, WhoId: johnContact.Id, Status: 'Completed' });
    expect(String(task!.Description)).toMatch(/\[\d\d:\d\d\] John Smith: Hello, my order arrived broken\./);
    expect(String(task!.Subject)).toContain(`(chat ${chat.chatId})`);
  });

  it('attaches a transcript longer than a Task’s description as a Note linked to the record and the Contact', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    const johnContact = contactOf(john.email);
    const openCase = sf().insertRecord(DEMO_ORG, 'Case', { Subject: 'Long story', Status: 'New' });
    const long: ['c' | 'a', string][] = Array.from({ length: 40 }, (_, n) => [
      n % 2 ? 'a' : 'c',
      `Line ${n}: ${'x'.repeat(1_000)}`,
    ]);
    const chat = openChat({ name: 'John Smith', email: john.email }, long);

    const res = await attach(chat.chatId, openCase);
    expect(res.status).toBe(201);
    const body = res.body as { kind: string; id: string; url: string };
    expect(body.kind).toBe('note');
    expect(body.url).toMatch(new RegExp(`/lightning/r/ContentDocument/${body.id}/view$`));
    // Salesforce links a new note to its owner itself (a User, 005…); the app links the records.
    const links = sf()
      .findRecords(DEMO_ORG, 'ContentDocumentLink', { ContentDocumentId: body.id })
      .map((l) => String(l.LinkedEntityId))
      .filter((id) => !id.startsWith('005'));
    expect(links.sort()).toEqual([openCase, johnContact.Id].sort());
    expect(sf().findRecords(DEMO_ORG, 'Task', { WhatId: openCase })).toEqual([]);
  });

  it('refuses a record a Task cannot relate to, and one of no object of the org', async () => {
    await useMappings(contactMapping);
    const chat = openChat({ name: 'John Smith', email: john.email });
    const user = sf()
      .orgs()
      .find((o) => o.id === DEMO_ORG)!
      .users.find((u) => u.email === nora.email)!;
    const tasksBefore = sf().findRecords(DEMO_ORG, 'Task').length;
    const refused = await attach(chat.chatId, user.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: {
        code: 'forbidden',
        message:
          'A transcript can be attached to records a Task relates to; User records are not among them.',
      },
    });
    expect((await attach(chat.chatId, 'zz9000000000001AAA')).status).toBe(404);
    expect(sf().findRecords(DEMO_ORG, 'Task')).toHaveLength(tasksBefore);
  });

  it('answers 400 for a malformed record id or account, before asking Salesforce', async () => {
    const chat = openChat({ name: 'John Smith', email: john.email });
    sf().clearCalls(DEMO_ORG);
    for (const [body, path] of [
      [{ chatId: chat.chatId, accountId: demoAccount, recordId: 'abc' }, 'body.recordId'],
      [{ chatId: chat.chatId, accountId: demoAccount }, 'body.recordId'],
      [{ chatId: chat.chatId, accountId: 42, recordId: '003000000000001AAA' }, 'body.accountId'],
    ] as const) {
      const res = await world.api(token(), '/api/widget/transcript', { body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(path);
    }
    expect(sf().callCount(DEMO_ORG)).toBe(0);
  });
});
