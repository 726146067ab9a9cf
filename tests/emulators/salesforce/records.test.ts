import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
let noraId: string;
let sallyId: string;
let samId: string;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
  const users = sf.emulator.admin.orgs()[0]?.users ?? [];
  noraId = users.find((u) => u.username === nora)?.id ?? '';
  sallyId = users.find((u) => u.username === 'sally.sales@demo-shop.example')?.id ?? '';
  samId = users.find((u) => u.username === 'sam.support@demo-shop.example')?.id ?? '';
});
beforeEach(() => {
  sf.emulator.admin.reset();
});
afterAll(async () => {
  await sf.close();
});

const lead = (fields: Record<string, unknown> = {}) => ({
  LastName: 'Müller',
  FirstName: 'Zoë',
  Company: 'Initech',
  ...fields,
});

describe('create, read, update, delete', () => {
  it('creates a Lead with defaults and system fields, and reads it back', async () => {
    const saved = await conn.sobject('Lead').create(lead({ Email: 'zoe.muller@initech.example' }), {
      headers: { 'Sforce-Auto-Assign': 'FALSE' },
    });
    expect(saved).toEqual({
      id: expect.stringMatching(/^00Q5g\w{13}$/) as unknown,
      success: true,
      errors: [],
    });
    const record = await conn.sobject('Lead').retrieve(saved.id ?? '');
    expect(record).toMatchObject({
      attributes: { type: 'Lead', url: `/services/data/v${API_VERSION}/sobjects/Lead/${saved.id ?? ''}` },
      Name: 'Zoë Müller',
      Status: 'Open - Not Contacted',
      IsConverted: false,
      OwnerId: noraId,
      CreatedById: noraId,
      Phone: null,
    });
    expect(String(record.CreatedDate)).toBe('2026-02-10T12:00:00.000+0000');
    const [found] = sf.emulator.admin.findRecords(sf.demoOrgId, 'Lead', {
      Email: 'ZOE.MULLER@initech.example',
    });
    expect(found?.Id).toBe(saved.id);
  });

  it('answers 201 with Location on the wire, 204 on update and delete', async () => {
    const path = `/services/data/v${API_VERSION}/sobjects/Account`;
    const created = await raw<{ id: string }>(sf.url, conn.accessToken, path, {
      method: 'POST',
      body: { Name: 'Wire Ltd' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${path}/${created.body.id}`);
    const updated = await raw(sf.url, conn.accessToken, `${path}/${created.body.id}`, {
      method: 'PATCH',
      body: { Phone: '123' },
    });
    expect(updated.status).toBe(204);
    const deleted = await raw(sf.url, conn.accessToken, `${path}/${created.body.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await raw(sf.url, conn.accessToken, `${path}/${created.body.id}`)).status).toBe(404);
  });

  it('updates and deletes through jsforce', async () => {
    const saved = await conn
      .sobject('Contact')
      .create({ LastName: 'Tanaka', FirstName: 'Kenji', Email: 'kenji.tanaka@umbrella.example' });
    const id = saved.id ?? '';
    expect(await conn.sobject('Contact').update({ Id: id, Title: 'CTO', Birthdate: '1980-04-01' })).toEqual({
      id,
      success: true,
      errors: [],
    });
    expect(await conn.sobject('Contact').retrieve(id)).toMatchObject({
      Title: 'CTO',
      Birthdate: '1980-04-01',
      Name: 'Kenji Tanaka',
    });
    await conn.sobject('Contact').destroy(id);
    expect((await errorOf(conn.sobject('Contact').retrieve(id))).name).toBe('NOT_FOUND');
    expect((await errorOf(conn.sobject('Contact').destroy(id))).name).toBe('ENTITY_IS_DELETED');
  });

  it('creates Tasks on a Who and a What, and the custom object with all its field types', async () => {
    const [john] = sf.emulator.admin.findRecords(sf.demoOrgId, 'Contact', {
      Email: 'john.smith@acme.example',
    });
    const task = await conn
      .sobject('Task')
      .create({ Subject: 'Chat with John', WhoId: john?.Id, WhatId: john?.AccountId, Status: 'Completed' });
    expect(await conn.sobject('Task').retrieve(task.id ?? '')).toMatchObject({
      IsClosed: true,
      Priority: 'Normal',
      WhoId: john?.Id,
    });
    const transcript = await conn.sobject('Chat_Transcript__c').create({
      Chat_Id__c: 'SNEW00001',
      Contact__c: john?.Id,
      Status__c: 'Open',
      Topics__c: 'Billing;Returns',
      Chat_Date__c: '2026-02-10',
      Started_At__c: '2026-02-10T11:58:00Z',
      Is_Resolved__c: 'true',
      Duration_Minutes__c: '3.456',
      Transcript__c: 'Hello',
    });
    expect(await conn.sobject('Chat_Transcript__c').retrieve(transcript.id ?? '')).toMatchObject({
      Name: 'CT-00003',
      Started_At__c: '2026-02-10T11:58:00.000+0000',
      Is_Resolved__c: true,
      Duration_Minutes__c: 3.46,
    });
  });
});

describe('errors', () => {
  const failure = async (promise: Promise<unknown>) => {
    const error = await errorOf(promise);
    return { name: error.name, message: error.message, data: error.data as Record<string, unknown> };
  };

  it('REQUIRED_FIELD_MISSING names every missing field', async () => {
    const error = await failure(conn.sobject('Lead').create({ FirstName: 'No' }));
    expect(error).toEqual({
      name: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [LastName, Company]',
      data: {
        message: 'Required fields are missing: [LastName, Company]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName', 'Company'],
      },
    });
    expect((await failure(conn.sobject('Opportunity').create({ Name: 'X' }))).data.fields).toEqual([
      'StageName',
      'CloseDate',
    ]);
  });

  it('INVALID_FIELD for an unknown field or an Id in the body', async () => {
    expect(await failure(conn.sobject('Lead').create(lead({ Ratin: 'Hot' })))).toMatchObject({
      name: 'INVALID_FIELD',
      message: "No such column 'Ratin' on sobject of type Lead",
    });
    const withId = await raw(sf.url, conn.accessToken, `/services/data/v${API_VERSION}/sobjects/Lead`, {
      method: 'POST',
      body: lead({ Id: '00Q5g0000000001AAA' }),
    });
    expect(withId.body).toEqual([
      { message: 'The Id field should not be specified in the sobject data.', errorCode: 'INVALID_FIELD' },
    ]);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, but any value on an unrestricted picklist', async () => {
    expect(await failure(conn.sobject('Chat_Transcript__c').create({ Status__c: 'Pending' }))).toMatchObject({
      name: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Status: bad value for restricted picklist field: Pending',
      data: { fields: ['Status__c'] },
    });
    expect(
      (await failure(conn.sobject('Chat_Transcript__c').create({ Topics__c: 'Billing;Weather' }))).name,
    ).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((await conn.sobject('Lead').create(lead({ LeadSource: 'LiveChat' }))).success).toBe(true);
  });

  it('STRING_TOO_LONG with the label and the limit', async () => {
    const long = 'A'.repeat(81);
    expect(await failure(conn.sobject('Lead').create(lead({ LastName: long })))).toMatchObject({
      name: 'STRING_TOO_LONG',
      message: `Last Name: data value too large: ${long} (max length=80)`,
      data: { fields: ['LastName'] },
    });
  });

  it('JSON_PARSER_ERROR for a wrong type or bad JSON, INVALID_EMAIL_ADDRESS, MALFORMED_ID', async () => {
    const wrongType = await failure(conn.sobject('Chat_Transcript__c').create({ Is_Resolved__c: 'maybe' }));
    expect(wrongType.name).toBe('JSON_PARSER_ERROR');
    expect(wrongType.message).toMatch(
      /^Cannot deserialize instance of boolean from VALUE_STRING value maybe or request may be missing a required field at \[line:1, column:\d+\]$/,
    );
    expect((await failure(conn.sobject('Chat_Transcript__c').create({ Rating__c: 'five' }))).name).toBe(
      'JSON_PARSER_ERROR',
    );
    expect(
      (await failure(conn.sobject('Contact').create({ LastName: 'X', Birthdate: '2026-13-45' }))).name,
    ).toBe('JSON_PARSER_ERROR');
    const badJson = await raw(sf.url, conn.accessToken, `/services/data/v${API_VERSION}/sobjects/Lead`, {
      method: 'POST',
      body: '{"LastName" "x"}',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toEqual([
      { errorCode: 'JSON_PARSER_ERROR', message: expect.stringContaining('at [line:1, column:') as unknown },
    ]);
    expect(await failure(conn.sobject('Lead').create(lead({ Email: 'not an email' })))).toMatchObject({
      name: 'INVALID_EMAIL_ADDRESS',
      message: 'Email: invalid email address: not an email',
    });
    expect((await failure(conn.sobject('Contact').create({ LastName: 'X', AccountId: 'nope' }))).name).toBe(
      'MALFORMED_ID',
    );
    expect((await failure(conn.sobject('Contact').create({ LastName: 'X', AccountId: noraId }))).name).toBe(
      'FIELD_INTEGRITY_EXCEPTION',
    );
  });

  it('NOT_FOUND for an unknown object or record, INVALID_FIELD_FOR_INSERT_UPDATE for a read-only field', async () => {
    expect((await failure(conn.sobject('Nope__c').create({ Name: 'x' }))).name).toBe('NOT_FOUND');
    expect((await failure(conn.sobject('Lead').retrieve('00Q5g000000zzzzAAA'))).name).toBe('NOT_FOUND');
    expect((await failure(conn.sobject('Lead').update({ Id: '00Q5g000000zzzzAAA', Title: 'x' }))).name).toBe(
      'NOT_FOUND',
    );
    expect(await failure(conn.sobject('Lead').create(lead({ Name: 'Full Name' })))).toMatchObject({
      name: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      data: { fields: ['Name'] },
    });
  });

  it('DUPLICATE_VALUE on a unique field', async () => {
    expect(
      (await failure(conn.sobject('Chat_Transcript__c').create({ Chat_Id__c: 'sdemo00001' }))).name,
    ).toBe('DUPLICATE_VALUE');
  });
});

describe('duplicate rules', () => {
  it('blocks a Lead or Contact whose email exists (any case), with duplicateResut', async () => {
    const error = await errorOf(conn.sobject('Lead').create(lead({ Email: 'MARIA.GARCIA@globex.example' })));
    expect(error.name).toBe('DUPLICATES_DETECTED');
    const data = error.data as { duplicateResut: Record<string, unknown>; message: string };
    expect(data.message).toBe('Use one of these records?');
    expect(data.duplicateResut).toMatchObject({
      duplicateRule: 'Standard_Lead_Duplicate_Rule',
      duplicateRuleEntityType: 'Lead',
      matchResults: [{ entityType: 'Lead', matchEngine: 'ExactMatchEngine', size: 1, success: true }],
    });
    const contact = await errorOf(
      conn.sobject('Contact').create({ LastName: 'Smith', Email: 'john.smith@acme.example' }),
    );
    expect(contact.name).toBe('DUPLICATES_DETECTED');
  });

  it('saves anyway with Sforce-Duplicate-Rule-Header: allowSave=true', async () => {
    const saved = await conn
      .sobject('Contact')
      .create(
        { LastName: 'Smith', Email: 'john.smith@acme.example' },
        { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } },
      );
    expect(saved.success).toBe(true);
  });

  it('blocks even with allowSave when the rule blocks', async () => {
    sf.emulator.admin.updateSettings(sf.demoOrgId, { duplicateRules: { Lead: 'block', Contact: 'block' } });
    const error = await errorOf(
      conn
        .sobject('Contact')
        .create(
          { LastName: 'S', Email: 'john.smith@acme.example' },
          { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } },
        ),
    );
    expect((error.data as { duplicateResut: { allowSave: boolean } }).duplicateResut.allowSave).toBe(false);
  });
});

describe('assignment rules (Sforce-Auto-Assign)', () => {
  it('assigns new Leads and Cases to the rule owner unless the header is FALSE', async () => {
    const owner = async (object: 'Lead' | 'Case', fields: Record<string, unknown>, header?: string) => {
      const saved = await conn
        .sobject(object)
        .create({ ...fields, OwnerId: noraId }, header ? { headers: { 'Sforce-Auto-Assign': header } } : {});
      return (await conn.sobject(object).retrieve(saved.id ?? '')).OwnerId;
    };
    expect(await owner('Lead', lead())).toBe(sallyId);
    expect(await owner('Lead', lead({ LastName: 'Other' }), 'TRUE')).toBe(sallyId);
    expect(await owner('Lead', lead({ LastName: 'Kept' }), 'FALSE')).toBe(noraId);
    expect(await owner('Case', { Subject: 'Chat', Origin: 'Chat' })).toBe(samId);
    expect(await owner('Case', { Subject: 'Chat', Origin: 'Chat' }, 'false')).toBe(noraId);
  });
});

describe('sObject Collections', () => {
  it('creates several records with jsforce and reports each failure in place', async () => {
    const results = await conn
      .sobject('Lead')
      .create([lead({ LastName: 'One' }), { FirstName: 'NoLast' }, lead({ LastName: 'Three' })]);
    expect(results[0]).toMatchObject({ success: true, errors: [] });
    expect(results[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName, Company]',
          fields: ['LastName', 'Company'],
        },
      ],
    });
    expect(results[2]).toMatchObject({ success: true });
  });

  it('rolls everything back with allOrNone', async () => {
    const before = sf.emulator.admin.findRecords(sf.demoOrgId, 'Lead').length;
    const results = await conn
      .sobject('Lead')
      .create([lead({ LastName: 'One' }), { FirstName: 'NoLast' }], { allOrNone: true });
    expect(results[0]).toEqual({
      success: false,
      errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })],
    });
    expect(sf.emulator.admin.findRecords(sf.demoOrgId, 'Lead')).toHaveLength(before);
  });

  it('updates, retrieves and deletes several records', async () => {
    const created = await conn.sobject('Account').create([{ Name: 'A1' }, { Name: 'A2' }]);
    const ids = created.map((r) => r.id ?? '');
    const updated = await conn.sobject('Account').update(ids.map((Id) => ({ Id, Rating: 'Hot' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const retrieved = await conn.sobject('Account').retrieve(ids, { fields: ['Name', 'Rating'] });
    expect(retrieved.map((r) => r.Rating)).toEqual(['Hot', 'Hot']);
    const deleted = await conn.sobject('Account').destroy(ids);
    expect(deleted).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
  });
});
