import { beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import type { FormValue, RecordForm } from '../../../src/api/widget';
import { startWorld, type World } from '../../support/world';
import {
  chatWith,
  demoAccountId,
  demoOrgId,
  kenji,
  mappingIdOf,
  maria,
  nate,
  nora,
  owner,
  zoe,
  closeAfterAndResetBeforeEach,
} from './support';

let world: World;
let demoOrg: string;
let demoAccount: string;
let leadMapping: string;
let contactMapping: string;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoOrg = demoOrgId(world);
  demoAccount = await demoAccountId(world);
  leadMapping = await mappingIdOf(world, demoAccount, 'Lead');
  contactMapping = await mappingIdOf(world, demoAccount, 'Contact');
}, 120_000);

closeAfterAndResetBeforeEach(() => world);

const noraUserId = () =>
  world.salesforce.admin
    .orgs()
    .find((o) => o.id === demoOrg)!
    .users.find((u) => u.email === nora.email)!.id;

async function formFor(chatId: string, mappingId: string, email = nora.email): Promise<RecordForm> {
  const body = await world.call(world.tokenFor(email), endpoints.forms, { query: { chatId, mappingId } });
  expect(body.accounts).toHaveLength(1);
  return body.accounts[0]!.forms[0]!;
}

const valuesOf = (form: RecordForm): Record<string, FormValue> =>
  Object.fromEntries(form.fields.map((f) => [f.name, f.value]));

const createRecord = (chatId: string, mappingId: string, values: Record<string, FormValue>) =>
  world.call(world.tokenFor(nora.email), endpoints.createRecord, { body: { chatId, mappingId, values } });

/** The same request, for the answers that refuse it (status and error body). */
const postRecord = (chatId: string, mappingId: string, values: Record<string, FormValue>) =>
  world.api(world.tokenFor(nora.email), '/api/widget/records', { body: { chatId, mappingId, values } });

describe('GET /api/widget/forms', () => {
  it('prefills a Lead from the chat: static, dynamic and auto-matched values, with what each editor needs', async () => {
    const form = await formFor(chatWith(world, zoe), leadMapping);
    expect(form.objectName).toBe('Lead');
    const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
    expect(byName.LastName).toMatchObject({
      entryType: 'dynamic',
      value: 'Müller',
      required: true,
      type: 'string',
    });
    expect(byName.FirstName).toMatchObject({ value: 'Zoë', required: false });
    expect(byName.Email).toMatchObject({ value: zoe.email, type: 'email' });
    expect(byName.Company).toMatchObject({
      entryType: 'static',
      value: 'Unknown (LiveChat)',
      required: true,
    });
    expect(byName.LeadSource).toMatchObject({ entryType: 'static', value: 'Web', type: 'picklist' });
    expect(byName.LeadSource!.picklistValues.map((p) => p.value)).toContain('Web');
    expect(byName.Description).toMatchObject({ type: 'textarea' });
    expect(String(byName.Description!.value)).toContain('Hello, I have a question about my order.');
    expect(byName.OwnerId).toMatchObject({
      entryType: 'autoMatch',
      type: 'reference',
      value: noraUserId(),
      autoMatch: {
        object: 'User',
        field: 'Email',
        searchedFor: nora.email,
        found: { id: noraUserId(), name: 'Nora Agent' },
      },
    });
  });

  it('lists every mapped object of every usable account without a mapping id', async () => {
    const body = await world.call(world.tokenFor(nora.email), endpoints.forms, {
      query: { chatId: chatWith(world, zoe) },
    });
    expect(body.accounts[0]!.forms.map((f) => f.objectName)).toEqual(['Lead', 'Contact']);
  });
});

describe('POST /api/widget/records', () => {
  it('creates the Lead with the agent’s edits in one Salesforce call, and it appears among the related records', async () => {
    const chatId = chatWith(world, zoe);
    const token = world.tokenFor(nora.email);
    const before = await world.call(token, endpoints.related, { query: { chatId } });
    expect(before.accounts[0]!.objects.find((o) => o.objectName === 'Lead')!.records).toEqual([]);

    const form = await formFor(chatId, leadMapping);
    world.salesforce.admin.clearCalls();
    const created = await createRecord(chatId, leadMapping, { ...valuesOf(form), Company: 'Initech GmbH' });
    expect(created).toMatchObject({ outcome: 'created', record: { objectName: 'Lead', name: 'Zoë Müller' } });
    expect(created.record.url).toMatch(new RegExp(`/lightning/r/Lead/${created.record.id}/view$`));
    expect(world.salesforce.admin.callCount(demoOrg)).toBe(1);

    const [lead] = world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: zoe.email });
    expect(lead).toMatchObject({
      Id: created.record.id,
      LastName: 'Müller',
      FirstName: 'Zoë',
      Company: 'Initech GmbH',
      LeadSource: 'Web',
      OwnerId: noraUserId(),
    });
    expect(String(lead!.Description)).toContain('Happy to help.');

    const after = await world.call(token, endpoints.related, { query: { chatId } });
    expect(after.accounts[0]!.objects.find((o) => o.objectName === 'Lead')!.records.map((r) => r.id)).toEqual(
      [created.record.id],
    );
  });

  it('matches the auto-match field at create time when the agent sent none, still in one call', async () => {
    const chatId = chatWith(world, kenji);
    await createRecord(chatId, leadMapping, { Company: 'Umbrella KK' });
    expect(world.salesforce.admin.callCount(demoOrg)).toBe(1);
    expect(world.salesforce.admin.calls(demoOrg)[0]!.kind).toBe('composite');
    const [lead] = world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: kenji.email });
    expect(lead).toMatchObject({
      LastName: 'Tanaka',
      Company: 'Umbrella KK',
      LeadSource: 'Web',
      OwnerId: noraUserId(),
    });
  });

  it('creates a Contact from dynamic values only', async () => {
    const visitor = { name: 'Ana Lima', email: 'ana.lima@example.com' };
    await createRecord(chatWith(world, visitor), contactMapping, {});
    expect(world.salesforce.admin.findRecords(demoOrg, 'Contact', { Email: visitor.email })).toMatchObject([
      { FirstName: 'Ana', LastName: 'Lima' },
    ]);
  });

  it('points at the existing record when Salesforce’s duplicate rule finds one', async () => {
    const body = await createRecord(chatWith(world, maria), leadMapping, {});
    const [existing] = world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: maria.email });
    expect(body).toMatchObject({ outcome: 'existing', record: { id: existing!.Id } });
  });

  it('checks the values before sending: required, picklist, types, fields outside the mapping', async () => {
    const chatId = chatWith(world, { name: 'Tess Test', email: 'tess@example.com' });
    const res = await postRecord(chatId, leadMapping, {
      LastName: null,
      Email: 'not an email',
      LeadSource: 'Carrier pigeon',
      OwnerId: 'nope',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['values.Email', 'values.LastName', 'values.OwnerId']);
    expect(world.salesforce.admin.callCount(demoOrg, { kind: 'composite' })).toBe(0);

    const stranger = await postRecord(chatId, leadMapping, { Title: 'CEO' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.problems[0]).toMatchObject({ path: 'values.Title' });

    const shape = await world.api(world.tokenFor(nora.email), '/api/widget/records', { body: { chatId } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      'body.mappingId',
      'body.values',
    ]);
  });

  it('shows Salesforce’s refusal in plain words next to the field it concerns', async () => {
    // The org shortened Company after the app read its describe: only Salesforce knows.
    world.salesforce.admin.addField(
      demoOrg,
      'Lead',
      fields.text('Company', 'Company', 10, { nillable: false }),
    );
    try {
      const res = await postRecord(
        chatWith(world, { name: 'Rita Long', email: 'rita@example.com' }),
        leadMapping,
        {
          Company: 'A company with a long name',
        },
      );
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('salesforce_error');
      expect(res.body.error.details.problems).toEqual([
        expect.objectContaining({
          path: 'values.Company',
          field: 'Company',
          code: 'value_too_long',
          message: '“Company” holds at most 10 characters in Salesforce. Shorten it.',
        }),
      ]);
    } finally {
      world.salesforce.admin.addField(
        demoOrg,
        'Lead',
        fields.text('Company', 'Company', 255, { nillable: false }),
      );
    }
  });

  it('names a restricted picklist Salesforce refused', async () => {
    world.salesforce.admin.addField(
      demoOrg,
      'Lead',
      fields.picklist('LeadSource', 'Lead Source', ['Phone Inquiry'], { restricted: true }),
    );
    try {
      const res = await postRecord(
        chatWith(world, { name: 'Pia Pick', email: 'pia@example.com' }),
        leadMapping,
        {},
      );
      expect(res.status).toBe(422);
      expect(res.body.error.details.problems[0]).toMatchObject({
        path: 'values.LeadSource',
        code: 'invalid_picklist_value',
        message: 'Salesforce does not accept this value for “Lead Source”. Pick another one.',
      });
    } finally {
      world.salesforce.admin.reset();
    }
  });

  it('refuses a mapping of an account the agent may not use as if it did not exist', async () => {
    const ownerToken = world.tokenFor(owner.email);
    await world.call(ownerToken, endpoints.putAccess, {
      params: { id: demoAccount },
      body: { mode: 'agents', groupIds: [], agentEmails: [nate.email] },
    });
    try {
      const chatId = chatWith(world, { name: 'Nia Nope', email: 'nia@example.com' });
      const res = await postRecord(chatId, leadMapping, {});
      expect(res.status).toBe(404);
      const form = await world.api(
        world.tokenFor(nora.email),
        `/api/widget/forms?chatId=${chatId}&mappingId=${leadMapping}`,
      );
      expect(form.status).toBe(404);
      expect(world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: 'nia@example.com' })).toEqual([]);
    } finally {
      await world.call(ownerToken, endpoints.putAccess, {
        params: { id: demoAccount },
        body: { mode: 'everyone', groupIds: [], agentEmails: [] },
      });
    }
  });

  it('answers 503 when the org is out of API calls', async () => {
    world.salesforce.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED', orgId: demoOrg });
    const res = await postRecord(
      chatWith(world, { name: 'Lim It', email: 'limit@example.com' }),
      contactMapping,
      {},
    );
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('salesforce_limit_reached');
  });

  it('answers 409 when the account needs reconnecting', async () => {
    world.salesforce.admin.expireAccessTokens(demoOrg);
    world.salesforce.admin.revokeRefreshTokens(demoOrg);
    const res = await postRecord(
      chatWith(world, { name: 'Rey Connect', email: 'rey@example.com' }),
      contactMapping,
      {},
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('salesforce_needs_reconnect');
  });
});
