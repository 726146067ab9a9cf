/**
 * Issue 15 in the settings API, against the emulators: chat-record entries saved or refused at the
 * field (unmapped object, cycle), update rules, skipping, record types and their picklists (UI API),
 * the conversation log (one per account), a referenced mapping kept from removal, and the preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import type { SavedMapping } from '../../../src/api/mappings';
import type { Mapping } from '../../../src/mapping/mapping';
import { newConversationMapping } from '../../../src/mapping/newMapping';
import type { RecordType } from '../../../src/salesforce/objectMetadata';
import { DEMO_ORG } from '../../support/automation';
import { buildMapping } from '../../support/factories/mapping';
import { demoVisitors, olivia } from '../../support/factories/people';
import { startWorld, type World } from '../../support/world';

const kenji = demoVisitors.newVisitor2;
let world: World;
let owner: string;
let accountId: string;
let support: RecordType;

beforeAll(async () => {
  world = await startWorld({ seed: true });
  // A Contact field that points back to a Case, for the cycle below.
  world.salesforce.admin.addField(
    DEMO_ORG,
    'Contact',
    fields.lookup('Last_Chat_Case__c', 'Last Chat Case', ['Case'], 'Last_Chat_Case__r'),
  );
  owner = world.tokenFor(olivia.email);
  accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
  const { object } = await describeObject('Case');
  support = object.recordTypes!.find((rt) => rt.name === 'Support')!;
});
afterAll(async () => {
  await world?.close();
});

const describeObject = (objectName: string) =>
  world.call(owner, endpoints.describeObject, { params: { id: accountId, objectName } });
const listMappings = async () =>
  (await world.call(owner, endpoints.listMappings, { params: { id: accountId } })).mappings;
const mappingOf = async (objectName: string, kind = 'record') =>
  (await listMappings()).find((m) => m.objectName === objectName && m.kind === kind)!;
const post = (body: unknown) => world.api(owner, `/api/settings/accounts/${accountId}/mappings`, { body });
const put = (id: string, body: unknown) =>
  world.api(owner, `/api/settings/mappings/${id}`, { method: 'PUT', body });
const problemsOf = (res: { body: { error: { details: { problems: { path: string; code: string }[] } } } }) =>
  res.body.error.details.problems.map((p) => [p.path, p.code]);
/** The mapping as it is sent again: what the API answered, without what it adds. */
const asMapping = ({
  id: _i,
  accountId: _a,
  objectLabel: _l,
  createdAt: _c,
  updatedAt: _u,
  ...m
}: SavedMapping) => m as Mapping;

const caseMapping = (overrides: Partial<Mapping> = {}) =>
  buildMapping({
    objectName: 'Case',
    fields: [
      { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
      { entryType: 'static', field: 'Origin', value: 'Chat' },
      { entryType: 'static', field: 'Product_Area__c', value: 'Technical' },
      { entryType: 'chatRecord', field: 'ContactId', object: 'Contact' },
    ],
    autoAssign: false,
    recordTypeId: support.id,
    ...overrides,
  });

describe('record types', () => {
  it('come with the object’s describe: id, name, default and availability', async () => {
    const { object } = await describeObject('Case');
    expect(object.recordTypes).toEqual([
      expect.objectContaining({ id: '012000000000000AAA', master: true, available: false }),
      expect.objectContaining({ name: 'General', default: true, available: true, master: false }),
      expect.objectContaining({ name: 'Support', default: false, available: true, master: false }),
    ]);
    expect((await describeObject('Contact')).object.recordTypes).toEqual([
      expect.objectContaining({ master: true, available: true, default: true }),
    ]);
  });

  it('give their picklist values per field (UI API), cached like describes', async () => {
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const params = { id: accountId, objectName: 'Case', recordTypeId: support.id };
    const answer = await world.call(owner, endpoints.recordTypePicklists, { params });
    expect(answer.recordType).toEqual({ id: support.id, name: 'Support' });
    expect(answer.picklists.Product_Area__c).toEqual({
      values: [
        { value: 'Technical', label: 'Technical' },
        { value: 'Account Access', label: 'Account Access' },
      ],
      defaultValue: null,
    });
    expect(answer.picklists.Origin).toMatchObject({ defaultValue: 'Chat' });
    expect(answer.picklists.Origin!.values.map((v) => v.value)).toEqual(['Phone', 'Email', 'Chat']);
    // 15 characters name the same record type, and the cached answer is used.
    const short = await world.call(owner, endpoints.recordTypePicklists, {
      params: { ...params, recordTypeId: support.id.slice(0, 15) },
    });
    expect(short.picklists).toEqual(answer.picklists);
    const uiApiCalls = world.salesforce.admin
      .calls(DEMO_ORG)
      .filter((c) => c.path.includes('/picklist-values/'));
    expect(uiApiCalls).toHaveLength(1);
  });

  it('answer 400 for what is not a record type id and 404 for one the object does not have', async () => {
    const base = `/api/settings/accounts/${accountId}/objects/Case/record-types`;
    const bad = await world.api(owner, `${base}/00Q000000000001/picklists`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems).toEqual([
      expect.objectContaining({
        path: 'params.recordTypeId',
        message: 'That is not a record type id (012…).',
      }),
    ]);
    const unknown = await world.api(owner, `${base}/0125g00000ZZZZZAAA/picklists`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Case has no record type 0125g00000ZZZZZAAA in this org.');
  });
});

describe('saving a linked set', () => {
  it('refuses a static value the record type does not offer, at the field', async () => {
    const res = await post(
      caseMapping({
        fields: [
          { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
          { entryType: 'static', field: 'Product_Area__c', value: 'Billing' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([
      expect.objectContaining({
        path: 'fields.1.value',
        code: 'invalid_picklist_value',
        message:
          '"Product Area" does not accept "Billing". Allowed: "Technical", "Account Access". (Values of the record type “Support”.)',
      }),
    ]);
  });

  it('refuses a record type the object does not have, and an object not mapped yet', async () => {
    const res = await post(
      caseMapping({
        recordTypeId: '0125g00000ZZZZZAAA',
        fields: [
          { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
          { entryType: 'chatRecord', field: 'AccountId', object: 'Account' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(problemsOf(res)).toEqual([
      ['fields.1.object', 'chat_record_object_not_mapped'],
      ['recordTypeId', 'unknown_record_type'],
    ]);
  });

  it("saves a Case whose Contact is this chat's, with its record type, and reads it back", async () => {
    const res = await post(caseMapping());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...caseMapping(), kind: 'record', recordTypeId: support.id });
    expect(await mappingOf('Case')).toEqual(res.body);
  });

  it('refuses the link that would close a cycle, at its field, naming the loop', async () => {
    const contact = await mappingOf('Contact');
    const res = await put(contact.id, {
      ...asMapping(contact),
      fields: [...contact.fields, { entryType: 'chatRecord', field: 'Last_Chat_Case__c', object: 'Case' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([
      {
        path: `fields.${contact.fields.length}.object`,
        field: 'Last_Chat_Case__c',
        code: 'chat_record_cycle',
        severity: 'error',
        message:
          'Contact → Case → Contact: each of these records would need the other to be written first. Remove one of these links.',
      },
    ]);
  });

  it('saves update rules and the objects to skip for, and refuses an object the org lacks', async () => {
    const contact = await mappingOf('Contact');
    const updated = await world.call(owner, endpoints.updateMapping, {
      params: { mappingId: contact.id },
      body: {
        ...asMapping(contact),
        duplicatePolicy: 'update',
        fields: contact.fields.map((f) =>
          f.field === 'FirstName' ? { ...f, updateRule: 'overwrite' as const } : f,
        ),
      },
    });
    expect(updated.duplicatePolicy).toBe('update');
    expect(updated.fields.find((f) => f.field === 'FirstName')?.updateRule).toBe('overwrite');
    expect(updated.fields.find((f) => f.field === 'LastName')).not.toHaveProperty('updateRule');

    const lead = await mappingOf('Lead');
    const skipping = await world.call(owner, endpoints.updateMapping, {
      params: { mappingId: lead.id },
      body: { ...asMapping(lead), skipIfExistsAs: ['Contact'] },
    });
    expect(skipping.skipIfExistsAs).toEqual(['Contact']);
    const unknown = await put(lead.id, { ...asMapping(lead), skipIfExistsAs: ['Nope__c'] });
    expect(unknown.status).toBe(400);
    expect(problemsOf(unknown)).toEqual([['skipIfExistsAs.0', 'skip_object_unknown']]);
  });
});

describe('the conversation log', () => {
  let log: SavedMapping;

  it('is saved from its preset, linked to the chat’s Contact and Case, once per account', async () => {
    const { object: task } = await describeObject('Task');
    const preset = newConversationMapping(task, (await listMappings()).map(asMapping));
    expect(preset.fields.filter((f) => f.entryType === 'chatRecord')).toEqual([
      { entryType: 'chatRecord', field: 'WhoId', object: 'Contact' },
      { entryType: 'chatRecord', field: 'WhatId', object: 'Case' },
    ]);
    const res = await post(preset);
    expect(res.status).toBe(201);
    log = res.body;
    expect(log).toMatchObject({
      objectName: 'Task',
      kind: 'conversation',
      logAs: 'task',
      objectLabel: 'Task',
    });

    const again = await post(preset);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('“Demo Shop” logs conversations already. Edit that log instead.');
  });

  it('refuses a WhoId that would point at a Case', async () => {
    const res = await put(log.id, {
      ...asMapping(log),
      fields: log.fields.map((f) => (f.field === 'WhoId' ? { ...f, object: 'Case' } : f)),
    });
    expect(res.status).toBe(400);
    const at = log.fields.findIndex((f) => f.field === 'WhoId');
    expect(res.body.error.details.problems).toEqual([
      expect.objectContaining({
        path: `fields.${at}.object`,
        code: 'chat_record_object_not_allowed',
        message: '"Name ID" can point to Contact or Lead, not to Case.',
      }),
    ]);
  });

  it('is previewed on an archived chat as a Task with the readable conversation, or as a Note', async () => {
    const chat = (await world.call(owner, endpoints.listRecentChats)).chats.find(
      (c) => c.visitorEmail === kenji.email,
    )!;
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: asMapping(log), chatId: chat.id },
    });
    expect(preview.conversation).toEqual({
      as: 'task',
      subject: expect.stringMatching(
        new RegExp(`^LiveChat chat with ${kenji.name}, .+ \\(chat ${chat.id}\\)$`),
      ),
      text: expect.stringContaining(`Visitor: ${kenji.name} <${kenji.email}>`),
    });
    expect(preview.conversation!.text).toMatch(new RegExp(`\\n\\[\\d\\d:\\d\\d\\] ${kenji.name}: `));
    expect(preview.record).toMatchObject({ Status: 'Completed', Subject: preview.conversation!.subject });
    expect(preview.chatRecords).toEqual([
      { field: 'WhoId', object: 'Contact', shown: "This chat's Contact" },
      { field: 'WhatId', object: 'Case', shown: "This chat's Case" },
    ]);
    expect(preview.record.WhoId).toBeUndefined();
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const asNote = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: { ...asMapping(log), logAs: 'note' }, chatId: chat.id },
    });
    expect(asNote.conversation).toMatchObject({ as: 'note', text: preview.conversation!.text });
  });

  it('previews a Case with its record type', async () => {
    const chat = (await world.call(owner, endpoints.listRecentChats)).chats.find(
      (c) => c.visitorEmail === kenji.email,
    )!;
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: asMapping(await mappingOf('Case')), chatId: chat.id },
    });
    expect(preview.record).toMatchObject({ RecordTypeId: support.id, Product_Area__c: 'Technical' });
    expect(preview.recordType).toEqual({ id: support.id, name: 'Support' });
    expect(preview.chatRecords).toEqual([
      { field: 'ContactId', object: 'Contact', shown: "This chat's Contact" },
    ]);
    expect(preview.conversation).toBeNull();
  });
});

describe('removing a mapping others point to', () => {
  it('is refused with 409, naming them, until they no longer do', async () => {
    const contact = await mappingOf('Contact');
    const res = await world.api(owner, `/api/settings/mappings/${contact.id}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      "Case and the conversation log take this chat's Contact as a field's value, so it cannot be removed. Change them first.",
    );
    expect(res.body.error.details.referencedBy.map((m: { objectName: string }) => m.objectName)).toEqual([
      'Case',
      'Task',
    ]);
    const renamed = await put(contact.id, { ...asMapping(contact), objectName: 'Account' });
    expect(renamed.status).toBe(409);

    for (const m of [await mappingOf('Task', 'conversation'), await mappingOf('Case')]) {
      await world.call(owner, endpoints.deleteMapping, { params: { mappingId: m.id } });
    }
    await world.call(owner, endpoints.deleteMapping, { params: { mappingId: contact.id } });
    expect((await listMappings()).map((m) => m.objectName)).toEqual(['Lead']);
  });
});
