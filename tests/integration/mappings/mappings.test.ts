import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG } from '../../support/automation';
import { autoMatchAgentUser, buildMapping } from '../../support/factories/mapping';
import { demoLicense, demoVisitors, nora, olivia, oscar, otherLicense } from '../../support/factories/people';
import { startWorld, type World } from '../../support/world';

const kenji = demoVisitors.newVisitor2;
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

const describeCalls = () =>
  world.salesforce.admin.calls(DEMO_ORG).filter((c) => c.kind === 'describe' || c.kind === 'describeGlobal')
    .length;

const describeObject = (objectName: string) =>
  world.call(owner, endpoints.describeObject, { params: { id: accountId, objectName } });
const listObjects = () => world.call(owner, endpoints.listObjects, { params: { id: accountId } });
const listMappings = () => world.call(owner, endpoints.listMappings, { params: { id: accountId } });
const recentChats = async () => (await world.call(owner, endpoints.listRecentChats)).chats;

const caseMapping = buildMapping({
  objectName: 'Case',
  fields: [
    { entryType: 'dynamic', field: 'Subject', source: 'visitor.name' },
    { entryType: 'static', field: 'Origin', value: 'Web' },
    { entryType: 'dynamic', field: 'SuppliedEmail', source: 'visitor.email' },
    { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
    autoMatchAgentUser('OwnerId'),
  ],
  searchableFields: ['SuppliedEmail'],
  automation: false,
  autoAssign: false,
});

describe('Salesforce metadata', () => {
  it('lists the org’s createable objects, custom ones included', async () => {
    const { objects } = await listObjects();
    const names = objects.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['Lead', 'Contact', 'Case', 'Account', 'Chat_Transcript__c']),
    );
    expect(names).not.toContain('User'); // not createable
    expect(objects.find((o) => o.name === 'Chat_Transcript__c')?.custom).toBe(true);
  });

  it('describes an object with the metadata mappings need', async () => {
    const { fields } = (await describeObject('Lead')).object;
    const lastName = fields.find((f) => f.name === 'LastName')!;
    expect(lastName).toMatchObject({ type: 'string', nillable: false, createable: true });
    expect(fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Group', 'User'],
    });
  });

  it('describes objects that Auto-Match searches even when they cannot be mapped (User)', async () => {
    const { object } = await describeObject('User');
    expect(object.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Email', 'Username']));
  });

  it('answers 404 for an object the org does not have', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/objects/Nope__c`);
    expect(res.status).toBe(404);
  });

  it('costs no describe call once cached', async () => {
    await describeObject('Contact');
    world.salesforce.admin.clearCalls(DEMO_ORG);
    for (let i = 0; i < 3; i++) {
      await describeObject('Contact');
      await listObjects();
    }
    expect(describeCalls()).toBe(0);
  });

  it('searches records of a referenced object for the reference picker', async () => {
    const { records } = await world.call(owner, endpoints.lookupRecords, {
      params: { id: accountId },
      query: { object: 'Account', q: 'acme' },
    });
    expect(records).toEqual([{ id: expect.stringMatching(/^001/), name: 'Acme Corporation' }]);
    const bad = await world.api(owner, `/api/settings/accounts/${accountId}/lookup?object=Drop%20Table`);
    expect(bad.status).toBe(400);
  });
});

describe('mapping CRUD', () => {
  let caseId: string;

  it('saves a valid Case mapping with each entry type', async () => {
    const saved = await world.call(owner, endpoints.createMapping, {
      params: { id: accountId },
      body: caseMapping,
    });
    expect(saved).toMatchObject({ ...caseMapping, objectLabel: 'Case', accountId });
    caseId = saved.id;
    const { mappings } = await listMappings();
    expect(mappings.map((m) => m.objectName)).toEqual(['Lead', 'Contact', 'Case']);
  });

  it('does not save optional fields left empty, nor count them as mapped', async () => {
    const withEmpty = {
      ...caseMapping,
      fields: [...caseMapping.fields, { entryType: 'static' as const, field: 'Priority', value: null }],
    };
    const saved = await world.call(owner, endpoints.updateMapping, {
      params: { mappingId: caseId },
      body: withEmpty,
    });
    expect(saved.fields.map((f) => f.field)).not.toContain('Priority');
    expect(saved.fields).toHaveLength(caseMapping.fields.length);
  });

  it('refuses to map the same object twice on one account', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, { body: caseMapping });
    expect(res.status).toBe(409);
  });

  it('refuses an invalid mapping with precise, field-level problems', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, {
      body: buildMapping({
        objectName: 'Lead',
        fields: [
          { entryType: 'static', field: 'LeadSource', value: 'Carrier pigeon' },
          { entryType: 'static', field: 'Company', value: 'x'.repeat(300) },
          { entryType: 'dynamic', field: 'NoSuchField__c', source: 'visitor.email' },
          autoMatchAgentUser('Email'),
        ],
        automation: true,
      }),
    });
    // Lead is already mapped on this account: that alone is a conflict.
    expect(res.status).toBe(409);

    const other = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, {
      body: buildMapping({
        objectName: 'Opportunity',
        fields: [
          { entryType: 'static', field: 'StageName', value: 'Not a stage' },
          { entryType: 'static', field: 'Name', value: 'x'.repeat(300) },
          { entryType: 'dynamic', field: 'NoSuchField__c', source: 'visitor.email' },
          { entryType: 'static', field: 'CloseDate', value: '31/02/2026' },
        ],
      }),
    });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('validation_failed');
    const problems = other.body.error.details.problems as { path: string; code: string; field?: string }[];
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.code]));
    expect(byPath['fields.1.value']).toBe('value_too_long');
    expect(byPath['fields.2.field']).toBe('unknown_field');
    expect(byPath['fields.3.value']).toBe('invalid_date');
    expect(problems.some((p) => p.field === 'StageName')).toBe(true);
  });

  it('refuses a mapping that leaves a required field unmapped', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, {
      body: {
        ...caseMapping,
        objectName: 'Account',
        fields: [{ entryType: 'static', field: 'Website', value: 'https://x.example' }],
        searchableFields: [],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toContainEqual(
      expect.objectContaining({ code: 'required_field_not_mapped', field: 'Name' }),
    );
  });

  it('refuses at save a chat value that cannot fit its field’s type', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, {
      body: buildMapping({
        objectName: 'Opportunity',
        fields: [
          { entryType: 'static', field: 'Name', value: 'Chat' },
          { entryType: 'static', field: 'StageName', value: 'Prospecting' },
          { entryType: 'dynamic', field: 'Amount', source: 'visitor.name' },
          { entryType: 'dynamic', field: 'CloseDate', source: 'visitor.email' },
        ],
        searchableFields: [],
      }),
    });
    expect(res.status).toBe(400);
    const problems = res.body.error.details.problems as { path: string; code: string; message: string }[];
    expect(problems.filter((p) => p.code === 'chat_value_does_not_fit')).toEqual([
      expect.objectContaining({ path: 'fields.2.source', message: expect.stringMatching(/never a number/) }),
      expect.objectContaining({ path: 'fields.3.source', message: expect.stringMatching(/not a date/) }),
    ]);
  });

  it('rejects malformed input before looking at Salesforce', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/mappings`, {
      body: { objectName: 'Case', fields: [{ entryType: 'magic', field: 'Subject' }], automation: 'yes' },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.fields.0.entryType', 'body.automation', 'body.searchableFields']),
    );
  });

  it('updates and deletes a mapping', async () => {
    const params = { mappingId: caseId };
    const updated = await world.call(owner, endpoints.updateMapping, {
      params,
      body: { ...caseMapping, automation: true },
    });
    expect(updated.automation).toBe(true);
    expect((await world.call(owner, endpoints.getMapping, { params })).automation).toBe(true);
    await world.call(owner, endpoints.deleteMapping, { params });
    expect((await world.api(owner, `/api/settings/mappings/${caseId}`)).status).toBe(404);
  });

  it('keeps mappings to the owner’s license', async () => {
    const lead = (await listMappings()).mappings[0]!;
    const other = world.tokenFor(oscar.email);
    expect((await world.api(other, `/api/settings/mappings/${lead.id}`)).status).toBe(404);
    expect((await world.api(other, `/api/settings/mappings/${lead.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    expect((await world.api(world.tokenFor(nora.email), `/api/settings/mappings/${lead.id}`)).status).toBe(
      403,
    );
  });
});

describe('chat fields', () => {
  it('offers the built-in chat, visitor and agent values (the scan by itself: chatFields.test.ts)', async () => {
    const catalogue = await world.call(owner, endpoints.getChatFields);
    expect(catalogue.builtIn.map((f) => f.id)).toEqual(
      expect.arrayContaining(['visitor.email', 'agent.email', 'chat.transcript']),
    );
  });

  it('finds custom variables and pre-/post-chat fields in the archives, with samples', async () => {
    const catalogue = await world.call(owner, endpoints.scanChatFields);
    // Counted in chats, not threads: John Smith's chat has several archived threads.
    const archived = world.livechat.admin
      .chats(demoLicense.licenseId)
      .filter((c) => c.threads.some((t) => !t.active));
    expect(archived.some((c) => c.threads.filter((t) => !t.active).length > 1)).toBe(true);
    expect(catalogue.scan.chatsScanned).toBe(Math.min(100, archived.length));
    const ids = catalogue.discovered.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['customVariable:plan', 'customVariable:customer_id']));
    expect(ids.some((id) => id.startsWith('prechat:'))).toBe(true);
    expect(ids.some((id) => id.startsWith('postchat:'))).toBe(true);
    const plan = catalogue.discovered.find((f) => f.id === 'customVariable:plan');
    expect(plan).toMatchObject({
      group: 'Custom variables',
      sample: expect.any(String),
      chatCount: expect.any(Number),
    });
    expect(catalogue.scan.message).toBeNull();
  });

  it('scans only the caller’s license', async () => {
    const before = (await world.call(owner, endpoints.getChatFields)).discovered;
    const theirs = await world.call(world.tokenFor(oscar.email), endpoints.scanChatFields);
    expect(theirs.scan.chatsScanned).toBe(
      world.livechat.admin.chats(otherLicense.licenseId, { active: false }).length,
    );
    expect((await world.call(owner, endpoints.getChatFields)).discovered).toEqual(before);
  });
});

describe('preview', () => {
  it('shows the exact record a chat would create, with auto-matches and problems, creating nothing', async () => {
    const kenjisChat = (await recentChats()).find((c) => c.visitorEmail === kenji.email)!;
    const leadsBefore = world.salesforce.admin.findRecords(DEMO_ORG, 'Lead').length;
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: caseMapping, chatId: kenjisChat.id },
    });
    expect(preview.record).toMatchObject({
      Subject: kenji.name,
      Origin: 'Web',
      SuppliedEmail: kenji.email,
    });
    expect(preview.record.Description).toContain(`${kenji.name}:`);
    expect(preview.lookups).toEqual([
      {
        field: 'OwnerId',
        object: 'User',
        matchField: 'Email',
        value: expect.stringMatching(/@demo-shop\.example$/),
        found: { id: expect.stringMatching(/^005/), name: expect.any(String) },
      },
    ]);
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The mapping's own warning (shown beside its field in the form) is not repeated by the preview.
    const withRules = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: { ...caseMapping, autoAssign: true }, chatId: kenjisChat.id },
    });
    expect(withRules.problems.map((p) => p.code)).not.toContain('owner_replaced_by_assignment_rules');
    expect(world.salesforce.admin.findRecords(DEMO_ORG, 'Lead').length).toBe(leadsBefore);
    expect(
      world.salesforce.admin.findRecords(DEMO_ORG, 'Case', {
        SuppliedEmail: kenji.email,
      }),
    ).toEqual([]);
  });

  it('links each chat to where it opens in the Agent App (in the demo, the emulator’s page)', async () => {
    const kenjisChat = (await recentChats()).find((c) => c.visitorEmail === kenji.email)!;
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: {
        mapping: {
          ...caseMapping,
          fields: [
            ...caseMapping.fields.filter((f) => f.field !== 'Description'),
            { entryType: 'dynamic', field: 'Description', source: 'chat.link' },
          ],
        },
        chatId: kenjisChat.id,
      },
    });
    expect(preview.record.Description).toBe(
      `${world.livechatUrl}/archives/${encodeURIComponent(kenjisChat.threadId!)}`,
    );
  });

  it('reports a missing chat value for a visitor without email', async () => {
    const anonymous = (await recentChats()).find((c) => c.visitorEmail === null)!;
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping: caseMapping, chatId: anonymous.id },
    });
    expect(preview.missing).toContainEqual({
      field: 'SuppliedEmail',
      source: 'visitor.email',
      entryType: 'dynamic',
    });
    expect(preview.record.SuppliedEmail).toBeUndefined();
  });
});
