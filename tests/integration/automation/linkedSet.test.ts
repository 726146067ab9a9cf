/**
 * A chat's linked set (issue 15): a chat's mappings on one account are written together, in at most
 * two Salesforce calls (one composite read, one composite graph), all or nothing. Against the
 * emulators over HTTP; the chats are processed by the app's own chat processor, no worker beside it,
 * and the calls counted at the Salesforce emulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoLinkedSet } from '../../../emulators/demo/demo';
import { demoLicense, demoVisitors } from '../../../emulators/demo/people';
import type { ChatEndedJob } from '../../../server/automation/queue';
import { recordAgentCreatedRun } from '../../../server/automation/runs.repo';
import { createMapping } from '../../../server/mappings/mappings.repo';
import type { Mapping } from '../../../src/mapping/mapping';
import { DEMO_ORG, endNewChat, eventually, runsOf } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { visitorLeadMapping } from '../../support/factories/mapping';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
});
afterAll(async () => {
  await world?.close();
});

const [contactMapping, caseMapping, taskMapping] = demoLinkedSet as [Mapping, Mapping, Mapping];
const leadMapping = visitorLeadMapping();

/** The account's mappings become exactly these (each run of a removed mapping goes with it). */
async function useMappings(...mappings: Mapping[]): Promise<void> {
  const db = world.app.db;
  const account = await db.salesforceAccount.findFirstOrThrow();
  await db.objectMapping.deleteMany({ where: { accountId: account.id } });
  for (const mapping of mappings)
    await createMapping(db, {
      licenseId: demoLicense.organizationId,
      accountId: account.id,
      objectLabel: mapping.objectName,
      mapping,
    });
}

function endedChat(
  visitor: { name: string; email?: string },
  messages?: Array<['c' | 'a', string]>,
): ChatEndedJob {
  const ended = endNewChat(world, visitor, messages ? { messages } : {});
  return { licenseId: demoLicense.organizationId, chatId: ended.chatId, threadId: ended.threadId };
}
const process = (job: ChatEndedJob) => world.app.services.chatProcessor.process(job);
const sf = () => world.salesforce.admin;
/** The Salesforce API calls of the org since the last clear, as method and path. */
const calls = () =>
  sf()
    .calls(DEMO_ORG, { counted: true })
    .map((c) => `${c.method} ${c.path.replace(/^\/services\/data\/v[\d.]+/, '')}`);
const recordsOfChat = (objectName: string, field: string, chatId: string) =>
  sf()
    .findRecords(DEMO_ORG, objectName)
    .filter((r) => typeof r[field] === 'string' && String(r[field]).includes(`(chat ${chatId})`));
const byObject = async (chatId: string) =>
  Object.fromEntries((await runsOf(world, chatId)).map((r) => [r.objectName, r]));
const contactOf = (email: string) => sf().findRecords(DEMO_ORG, 'Contact', { Email: email })[0]!;

/** Processes a chat of another visitor first, so that the describes are cached and only the set's calls count. */
async function warm(): Promise<void> {
  await world.livechat.admin.waitForDeliveries();
  await process(endedChat({ name: 'Warm Visitor', email: `warm.${Date.now()}@example.com` }));
  sf().clearCalls(DEMO_ORG);
}

beforeEach(() => {
  sf().clearFaults();
});

describe('a chat of a known Contact with the Contact → Case → Task set', () => {
  it('links the Contact, creates a Case on it and a completed Task on both, in two Salesforce calls', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const john = contactOf(demoVisitors.existingContact.email);
    const job = endedChat({ name: 'John Smith', email: demoVisitors.existingContact.email });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph']);
    const [created] = recordsOfChat('Case', 'Subject', job.chatId);
    expect(created).toMatchObject({ ContactId: john.Id, Origin: 'Chat', Status: 'New' });
    const tasks = recordsOfChat('Task', 'Subject', job.chatId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ WhoId: john.Id, WhatId: created!.Id, Status: 'Completed' });
    expect(String(tasks[0]!.Description)).toMatch(/\[\d\d:\d\d\] John Smith: Hello, I would like a quote\./);
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: demoVisitors.existingContact.email })).toHaveLength(
      1,
    );

    const runs = await byObject(job.chatId);
    expect(runs.Contact).toMatchObject({ status: 'linked', recordId: john.Id, sfCalls: 2 });
    expect(runs.Case).toMatchObject({ status: 'created', recordId: created!.Id });
    expect(runs.Task).toMatchObject({ status: 'created', recordId: tasks[0]!.Id });
    expect(runs.Case!.recordUrl).toContain(String(created!.Id));
  });

  it('keeps nothing when the Case fails: no Task, no Contact change, and each run says why', async () => {
    const tom = contactOf('tom.becker@hooli.example');
    expect(tom.Title ?? null).toBeNull();
    // The Case names an Account that does not exist: Salesforce refuses it (INVALID_CROSS_REFERENCE_KEY).
    const missingAccount = `${String(tom.AccountId).slice(0, 12)}ZZZ`;
    await useMappings(
      {
        ...contactMapping,
        duplicatePolicy: 'update',
        fields: [
          ...contactMapping.fields,
          { entryType: 'static', field: 'Title', value: 'Chat visitor', updateRule: 'fillIfBlank' },
        ],
      },
      {
        ...caseMapping,
        fields: [...caseMapping.fields, { entryType: 'static', field: 'AccountId', value: missingAccount }],
      },
      taskMapping,
    );
    await warm();
    const job = endedChat({ name: 'Tom Becker', email: 'tom.becker@hooli.example' });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph']);
    expect(recordsOfChat('Case', 'Subject', job.chatId)).toEqual([]);
    expect(recordsOfChat('Task', 'Subject', job.chatId)).toEqual([]);
    expect(contactOf('tom.becker@hooli.example').Title ?? null).toBeNull();
    const runs = await byObject(job.chatId);
    expect(runs.Case).toMatchObject({ status: 'failed', errorFields: ['AccountId'] });
    expect(runs.Case!.errorMessage).toBe('Salesforce refused the Case: invalid cross reference id');
    for (const other of [runs.Contact!, runs.Task!]) {
      expect(other.status).toBe('failed');
      expect(other.errorMessage).toMatch(
        /^Not written: the Case failed \(.+\), and Salesforce keeps none of a chat's records when one fails\.$/,
      );
    }
  });
});

describe('finding, then updating', () => {
  it('fills blank fields of the Contact found and never overwrites one that has a value', async () => {
    const lucy = contactOf('lucy.martin@example.org');
    expect(lucy.Title).toBe('Freelance Consultant');
    await useMappings({
      ...contactMapping,
      duplicatePolicy: 'update',
      fields: [
        ...contactMapping.fields,
        { entryType: 'static', field: 'Title', value: 'Visitor from chat' },
        { entryType: 'static', field: 'Department', value: 'Support chats' },
      ],
    });
    await warm();
    const job = endedChat({ name: 'Lucy Martin', email: 'lucy.martin@example.org' });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph']);
    const after = contactOf('lucy.martin@example.org');
    expect(after.Title).toBe('Freelance Consultant');
    expect(after.Department).toBe('Support chats');
    expect(after.LastName).toBe('Martin');
    const runs = await byObject(job.chatId);
    expect(runs.Contact).toMatchObject({ status: 'updated', recordId: lucy.Id });
    expect(runs.Contact!.errorMessage).toContain('Department');
    expect(runs.Contact!.errorMessage).not.toContain('Title');
  });
});

describe('Leads and Contacts', () => {
  it('leads from a converted Lead to its Contact, never writing to the Lead', async () => {
    const [robertLead] = sf().findRecords(DEMO_ORG, 'Lead', { Email: 'robert.brown@acme.example' });
    expect(robertLead).toMatchObject({ IsConverted: true });
    const before = { ...robertLead };
    await useMappings(leadMapping, {
      ...taskMapping,
      fields: taskMapping.fields
        .map((f) => (f.entryType === 'chatRecord' ? { ...f, object: 'Lead' } : f))
        .filter((f) => f.field !== 'WhatId'),
    });
    await warm();
    const job = endedChat({ name: 'Robert Brown', email: 'robert.brown@acme.example' });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    const runs = await byObject(job.chatId);
    expect(runs.Contact).toMatchObject({
      status: 'linked',
      recordId: robertLead!.ConvertedContactId,
    });
    expect(runs.Contact!.errorMessage).toMatch(/converted/);
    const [task] = recordsOfChat('Task', 'Subject', job.chatId);
    expect(task).toMatchObject({ WhoId: robertLead!.ConvertedContactId });
    expect(sf().findRecords(DEMO_ORG, 'Lead', { Email: 'robert.brown@acme.example' })).toEqual([before]);
  });

  it('logs the chat on a new Lead without the Case: a Task naming a Lead names nothing else', async () => {
    await useMappings(
      leadMapping,
      { ...caseMapping, fields: caseMapping.fields.filter((f) => f.entryType !== 'chatRecord') },
      {
        ...taskMapping,
        fields: taskMapping.fields.map((f) =>
          f.entryType === 'chatRecord' && f.field === 'WhoId' ? { ...f, object: 'Lead' } : f,
        ),
      },
    );
    await warm();
    const email = `new.lead.${Date.now()}@example.com`;
    const job = endedChat({ name: 'Nadia Newlead', email });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    const [lead] = sf().findRecords(DEMO_ORG, 'Lead', { Email: email });
    const [caseRecord] = recordsOfChat('Case', 'Subject', job.chatId);
    expect(lead).toBeDefined();
    expect(caseRecord).toBeDefined();
    // "If the WhoId refers to a lead, then the WhatId field must be empty" (Task): the Task names the Lead only.
    const [task] = recordsOfChat('Task', 'Subject', job.chatId);
    expect(task).toMatchObject({ WhoId: lead!.Id, WhatId: null, Status: 'Completed' });
    const runs = await byObject(job.chatId);
    expect(runs.Task).toMatchObject({ status: 'created', recordId: task!.Id });
  });

  it('creates no Lead for a visitor who is already a Contact', async () => {
    await useMappings({ ...leadMapping, skipIfExistsAs: ['Contact'] }, taskMapping);
    await warm();
    const email = 'emily.chen@stark-logistics.example';
    const emily = contactOf(email);
    const job = endedChat({ name: 'Emily Chen', email });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(sf().findRecords(DEMO_ORG, 'Lead', { Email: email })).toEqual([]);
    const runs = await byObject(job.chatId);
    expect(runs.Lead).toBeUndefined();
    expect(runs.Contact).toMatchObject({ status: 'skipped', recordId: emily.Id });
    expect(runs.Contact!.errorMessage).toMatch(/already a Contact/);
    // The conversation is still logged, on the Contact the visitor is.
    expect(recordsOfChat('Task', 'Subject', job.chatId)[0]).toMatchObject({ WhoId: emily.Id });
  });
});

describe('a new visitor with a Lead mapping that skips Contacts beside a Contact mapping', () => {
  it('creates the Contact only: no Lead beside the Contact the same set creates', async () => {
    await useMappings({ ...leadMapping, skipIfExistsAs: ['Contact'] }, contactMapping, taskMapping);
    await warm();
    const email = `new.visitor.${Date.now()}@example.com`;
    const job = endedChat({ name: 'Nadia Novak', email });
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph']);
    expect(sf().findRecords(DEMO_ORG, 'Lead', { Email: email })).toEqual([]);
    const [nadia] = sf().findRecords(DEMO_ORG, 'Contact', { Email: email });
    expect(nadia).toBeDefined();
    const runs = await runsOf(world, job.chatId);
    const leadRun = runs.find((r) => r.status === 'skipped');
    expect(leadRun?.errorMessage).toMatch(/same set, so no Lead is created/);
    expect(runs.find((r) => r.objectName === 'Contact' && r.status === 'created')?.recordId).toBe(nadia!.Id);
    expect(recordsOfChat('Task', 'Subject', job.chatId)[0]).toMatchObject({ WhoId: nadia!.Id });
  });
});

describe('the conversation log', () => {
  it('becomes a Note linked to the Contact and the Case when the transcript is longer than a Task holds', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const long = 'Here is everything about my order. '.repeat(1150); // ~40,000 characters
    expect(long.length).toBeGreaterThan(40_000);
    const job = endedChat({ name: 'John Smith', email: demoVisitors.existingContact.email }, [
      ['c', long],
      ['a', 'Thank you, I will look into it <today> & tomorrow.'],
    ]);
    await world.livechat.admin.waitForDeliveries();
    await process(job);

    expect(calls()).toEqual(['POST /composite', 'POST /composite/graph']);
    expect(recordsOfChat('Task', 'Subject', job.chatId)).toEqual([]);
    const [caseRecord] = recordsOfChat('Case', 'Subject', job.chatId);
    const [note] = recordsOfChat('ContentNote', 'Title', job.chatId);
    expect(note).toBeDefined();
    const links = sf()
      .findRecords(DEMO_ORG, 'ContentDocumentLink', { ContentDocumentId: note!.Id })
      .map((l) => l.LinkedEntityId);
    const john = contactOf(demoVisitors.existingContact.email);
    expect(links).toEqual(expect.arrayContaining([john.Id, caseRecord!.Id]));
    expect(Number(note!.ContentSize)).toBeGreaterThan(40_000);
    const runs = await byObject(job.chatId);
    expect(runs.ContentNote).toMatchObject({ status: 'created', recordId: note!.Id });
  });
});

describe('a record an agent created in the widget', () => {
  it('is the chat’s record when the chat ends: the Case and the Task name it, no second one is created', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const email = 'made.by.agent@example.com';
    const { chatId, threadId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Agent Made', email },
      messages: [['c', 'Hello']],
    });
    // During the chat, the agent creates the Contact in the widget.
    const contactId = sf().insertRecord(DEMO_ORG, 'Contact', { LastName: 'Made', Email: email });
    const mapping = await world.app.db.objectMapping.findFirstOrThrow({ where: { objectName: 'Contact' } });
    const recorded = await recordAgentCreatedRun(
      world.app.db,
      { licenseId: demoLicense.organizationId, chatId, mappingId: mapping.id },
      {
        threadId,
        accountId: mapping.accountId,
        objectName: 'Contact',
        visitorEmail: email,
        recordId: contactId,
        recordUrl: null,
      },
      new Date(),
    );
    expect(recorded).toBe(true);
    world.livechat.admin.endChat(demoLicense.licenseId, chatId);
    await world.livechat.admin.waitForDeliveries();
    sf().clearCalls(DEMO_ORG);
    await process({ licenseId: demoLicense.organizationId, chatId, threadId });

    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: email })).toHaveLength(1);
    const [created] = recordsOfChat('Case', 'Subject', chatId);
    expect(created).toMatchObject({ ContactId: contactId });
    expect(recordsOfChat('Task', 'Subject', chatId)[0]).toMatchObject({
      WhoId: contactId,
      WhatId: created!.Id,
    });
    const runs = await byObject(chatId);
    expect(runs.Contact).toMatchObject({ status: 'created', recordId: contactId, attempts: 0 });
  });
});

describe('exactly once', () => {
  it('gives each record once when the chat is delivered again', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const job = endedChat({ name: 'Kenji Tanaka', email: 'kenji.tanaka.again@example.com' });
    await world.livechat.admin.waitForDeliveries();
    await Promise.all([process(job).catch(() => undefined), process(job).catch(() => undefined)]);
    await process(job);
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: 'kenji.tanaka.again@example.com' })).toHaveLength(
      1,
    );
    expect(recordsOfChat('Case', 'Subject', job.chatId)).toHaveLength(1);
    expect(recordsOfChat('Task', 'Subject', job.chatId)).toHaveLength(1);
    const runs = await runsOf(world, job.chatId);
    expect(runs.map((r) => r.status).sort()).toEqual(['created', 'created', 'created']);
  });

  it('writes the set once when the worker stops between the two calls', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const email = 'between.calls@example.com';
    const job = endedChat({ name: 'Between Calls', email });
    await world.livechat.admin.waitForDeliveries();
    // Call 1 answers; call 2 is refused (503) before Salesforce runs it: the attempt ends between
    // the two calls. Each request waits 300 ms in the emulator before it is handled (and its fault
    // chosen), so the fault planned once call 1 is logged meets call 2.
    sf().setLatency(300);
    let first: Promise<void>;
    try {
      first = process(job);
      await eventually(() => expect(calls()).toEqual(['POST /composite']), 10_000, 5);
      sf().failNext(1, { kind: 503, orgId: DEMO_ORG });
      await expect(first).rejects.toThrow(/retry later/);
    } finally {
      sf().setLatency(0);
    }
    expect(
      sf()
        .calls(DEMO_ORG)
        .map((c) => [c.path.replace(/^\/services\/data\/v[\d.]+/, ''), c.status]),
    ).toEqual([
      ['/composite', 200],
      ['/composite/graph', 503],
    ]);
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: email })).toEqual([]);
    const waiting = await runsOf(world, job.chatId);
    expect(waiting.map((r) => r.status)).toEqual(['running', 'running', 'running']);
    await process(job);
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: email })).toHaveLength(1);
    expect(recordsOfChat('Case', 'Subject', job.chatId)).toHaveLength(1);
    expect(recordsOfChat('Task', 'Subject', job.chatId)).toHaveLength(1);
  });

  it('finds the records a crashed attempt wrote after call 2, before its runs were finished', async () => {
    await useMappings(contactMapping, caseMapping, taskMapping);
    await warm();
    const email = 'after.graph@example.com';
    const job = endedChat({ name: 'After Graph', email });
    await world.livechat.admin.waitForDeliveries();
    await process(job);
    const written = await byObject(job.chatId);
    // As if the worker died after Salesforce wrote the set: the runs are still running, lease gone.
    await world.app.db.automationRun.updateMany({
      where: { chatId: job.chatId },
      data: {
        status: 'running',
        recordId: null,
        recordUrl: null,
        leaseUntil: new Date(Date.now() - 1000),
        startedAt: new Date(Date.now() - 30_000),
        finishedAt: null,
      },
    });
    sf().clearCalls(DEMO_ORG);
    await process(job);

    expect(calls()).toEqual(['POST /composite']); // the recovery finds everything: nothing to write
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: email })).toHaveLength(1);
    expect(recordsOfChat('Case', 'Subject', job.chatId)).toHaveLength(1);
    expect(recordsOfChat('Task', 'Subject', job.chatId)).toHaveLength(1);
    const again = await byObject(job.chatId);
    for (const object of ['Contact', 'Case', 'Task'])
      expect(again[object]).toMatchObject({ status: 'created', recordId: written[object]!.recordId });
  });
});
