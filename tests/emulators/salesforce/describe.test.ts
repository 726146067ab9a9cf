import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields } from '../../../emulators/salesforce';
import { API_VERSION, connectAs, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
afterAll(async () => {
  await sf.close();
});

const fieldOf = (describe: { fields: Array<{ name: string }> }, name: string) => {
  const found = describe.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found as unknown as Record<string, unknown>;
};

describe('global describe', () => {
  it('lists the standard objects and the custom object, without fields', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((o) => o.name);
    for (const name of [
      'Lead',
      'Contact',
      'Account',
      'Case',
      'Opportunity',
      'Task',
      'User',
      'Campaign',
      'Chat_Transcript__c',
    ]) {
      expect(names).toContain(name);
    }
    const lead = global.sobjects.find((o) => o.name === 'Lead');
    expect(lead?.keyPrefix).toBe('00Q');
    expect(lead?.urls.describe).toBe(`/services/data/v${API_VERSION}/sobjects/Lead/describe`);
    expect(global.sobjects.find((o) => o.name === 'Chat_Transcript__c')?.custom).toBe(true);
    expect(global.sobjects.every((o) => !('fields' in o))).toBe(true);
  });
});

describe('object describe', () => {
  it('describes Lead with its required, defaulted and picklist fields', async () => {
    const lead = await conn.sobject('Lead').describe();
    expect(lead.name).toBe('Lead');
    const required = lead.fields
      .filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate)
      .map((f) => f.name);
    expect(required.sort()).toEqual(['Company', 'LastName']);
    const status = fieldOf(lead, 'Status');
    expect(status).toMatchObject({
      type: 'picklist',
      defaultedOnCreate: true,
      nillable: false,
      restrictedPicklist: false,
    });
    expect(status.picklistValues).toContainEqual({
      active: true,
      defaultValue: true,
      label: 'Open - Not Contacted',
      validFor: null,
      value: 'Open - Not Contacted',
    });
    expect(fieldOf(lead, 'LastName')).toMatchObject({ type: 'string', length: 80, soapType: 'xsd:string' });
    expect(fieldOf(lead, 'Name')).toMatchObject({ nameField: true, createable: false, length: 121 });
    expect(fieldOf(lead, 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      polymorphicForeignKey: true,
      defaultedOnCreate: true,
    });
    expect(fieldOf(lead, 'Id')).toMatchObject({
      type: 'id',
      soapType: 'tns:ID',
      createable: false,
      idLookup: true,
    });
    expect(fieldOf(lead, 'LiveChat_Visitor_Id__c')).toMatchObject({
      custom: true,
      unique: true,
      externalId: true,
    });
  });

  it('describes Case, Opportunity, Task and the custom object with their real shapes', async () => {
    const supportCase = await conn.sobject('Case').describe();
    expect(fieldOf(supportCase, 'Origin')).toMatchObject({ type: 'picklist' });
    expect(fieldOf(supportCase, 'Status')).toMatchObject({ defaultedOnCreate: true });
    const opportunity = await conn.sobject('Opportunity').describe();
    const oppRequired = opportunity.fields
      .filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate)
      .map((f) => f.name);
    expect(oppRequired.sort()).toEqual(['CloseDate', 'Name', 'StageName']);
    const task = await conn.sobject('Task').describe();
    expect(fieldOf(task, 'WhoId')).toMatchObject({
      referenceTo: ['Contact', 'Lead'],
      relationshipName: 'Who',
    });
    const transcript = await conn.sobject('Chat_Transcript__c').describe();
    expect(transcript.keyPrefix).toBe('a0X');
    expect(fieldOf(transcript, 'Status__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(fieldOf(transcript, 'Topics__c')).toMatchObject({ type: 'multipicklist' });
    expect(fieldOf(transcript, 'Chat_Date__c')).toMatchObject({ type: 'date', soapType: 'xsd:date' });
    expect(fieldOf(transcript, 'Started_At__c')).toMatchObject({
      type: 'datetime',
      soapType: 'xsd:dateTime',
    });
    expect(fieldOf(transcript, 'Is_Resolved__c')).toMatchObject({
      type: 'boolean',
      nillable: false,
      defaultedOnCreate: true,
    });
    expect(fieldOf(transcript, 'Duration_Minutes__c')).toMatchObject({
      type: 'double',
      precision: 10,
      scale: 2,
    });
    expect(fieldOf(transcript, 'Transcript__c')).toMatchObject({
      type: 'textarea',
      length: 131072,
      extraTypeInfo: 'plaintextarea',
    });
    expect(fieldOf(transcript, 'Contact__c')).toMatchObject({
      referenceTo: ['Contact'],
      relationshipName: 'Contact__r',
    });
    expect(fieldOf(transcript, 'Name')).toMatchObject({ autoNumber: true, createable: false });
    const account = await conn.sobject('Account').describe();
    expect(account.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' }),
    );
  });

  it('answers 404 NOT_FOUND for an unknown object', async () => {
    const error = await errorOf(conn.sobject('Nope__c').describe());
    expect(error.name).toBe('NOT_FOUND');
  });

  it('answers 304 to If-Modified-Since until the metadata changes', async () => {
    const path = `/services/data/v${API_VERSION}/sobjects/Lead/describe`;
    const first = await raw(sf.url, conn.accessToken ?? '', path);
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(first.status).toBe(200);
    expect(lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const unchanged = await raw(sf.url, conn.accessToken ?? '', path, {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
    // jsforce passes the header through and returns '' for a 304.
    const viaJsforce: unknown = await conn.request({
      method: 'GET',
      url: path,
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(viaJsforce).toBe('');

    sf.clock.advance(60_000);
    sf.emulator.admin.addField(
      sf.demoOrgId,
      'Lead',
      fields.text('Favourite_Colour__c', 'Favourite Colour', 40),
    );
    const changed = await raw<{ fields: Array<{ name: string }> }>(sf.url, conn.accessToken ?? '', path, {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.fields.map((f) => f.name)).toContain('Favourite_Colour__c');
    const global = await raw(sf.url, conn.accessToken ?? '', `/services/data/v${API_VERSION}/sobjects`, {
      headers: { 'If-Modified-Since': new Date(sf.clock.now().getTime() + 1000).toUTCString() },
    });
    expect(global.status).toBe(304);
  });
});
