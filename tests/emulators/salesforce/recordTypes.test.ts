/**
 * Record types: describe's recordTypeInfos, RecordTypeId, the UI API picklist values per record
 * type, and the restricted values a record type leaves out refused on create.
 */
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
beforeEach(() => {
  sf.emulator.admin.reset();
});
afterAll(async () => {
  await sf.close();
});

const base = `/services/data/v${API_VERSION}`;
const MASTER = '012000000000000AAA';
const wire = <T = unknown>(path: string, init: { method?: string; body?: unknown } = {}) =>
  raw<T>(sf.url, conn.accessToken, `${base}${path}`, init);

interface RecordTypeInfo {
  recordTypeId: string;
  name: string;
  developerName: string;
  available: boolean;
  defaultRecordTypeMapping: boolean;
  master: boolean;
}
interface PicklistValues {
  controllerValues: Record<string, number>;
  defaultValue: { label: string; value: string } | null;
  eTag: string;
  url: string;
  values: Array<{ attributes: unknown; label: string; validFor: number[]; value: string }>;
}

async function caseTypes() {
  const describe = await conn.sobject('Case').describe();
  const infos = describe.recordTypeInfos as unknown as RecordTypeInfo[];
  const byName = (developerName: string) => {
    const found = infos.find((rt) => rt.developerName === developerName);
    if (!found) throw new Error(`no record type ${developerName}`);
    return found;
  };
  return { describe, infos, general: byName('General'), support: byName('Support') };
}

describe('record types in describe', () => {
  it('lists the master and the custom types, with RecordTypeId on the object', async () => {
    const { describe, infos, general, support } = await caseTypes();
    expect(infos).toHaveLength(3);
    expect(infos[0]).toEqual({
      active: true,
      available: false,
      defaultRecordTypeMapping: false,
      developerName: 'Master',
      master: true,
      name: 'Master',
      recordTypeId: MASTER,
      urls: { layout: `${base}/sobjects/Case/describe/layouts/${MASTER}` },
    });
    expect(general).toMatchObject({
      name: 'General',
      available: true,
      defaultRecordTypeMapping: true,
      master: false,
    });
    expect(support).toMatchObject({ name: 'Support', available: true, defaultRecordTypeMapping: false });
    expect(support.recordTypeId).toMatch(/^0125g\w{13}$/);
    expect(describe.fields.find((f) => f.name === 'RecordTypeId')).toMatchObject({
      type: 'reference',
      referenceTo: ['RecordType'],
      relationshipName: 'RecordType',
      createable: true,
      updateable: true,
    });
    const lead = await conn.sobject('Lead').describe();
    expect((lead.recordTypeInfos as unknown as RecordTypeInfo[]).map((rt) => rt.developerName)).toEqual([
      'Master',
      'Sales_Lead',
      'Partner_Lead',
    ]);
    const account = await conn.sobject('Account').describe();
    expect(account.recordTypeInfos).toMatchObject([
      { master: true, available: true, defaultRecordTypeMapping: true },
    ]);
    expect(account.fields.find((f) => f.name === 'RecordTypeId')).toBeUndefined();
  });

  it('are RecordType records, and a new record gets the default type', async () => {
    const { support, general } = await caseTypes();
    const types = await conn.query<{ Id: string; DeveloperName: string }>(
      "SELECT Id, DeveloperName FROM RecordType WHERE SobjectType = 'Case' ORDER BY DeveloperName",
    );
    expect(types.records.map((r) => [r.DeveloperName, r.Id])).toEqual([
      ['General', general.recordTypeId],
      ['Support', support.recordTypeId],
    ]);
    const saved = await conn.sobject('Case').create({ Subject: 'Where is my parcel?', Origin: 'Web' });
    const read = await conn.query<{ RecordTypeId: string; RecordType: { DeveloperName: string } }>(
      `SELECT RecordTypeId, RecordType.DeveloperName FROM Case WHERE Id = '${String(saved.id)}'`,
    );
    expect(read.records[0]).toMatchObject({
      RecordTypeId: general.recordTypeId,
      RecordType: { DeveloperName: 'General' },
    });
  });
});

describe('UI API picklist values', () => {
  it('gives each record type its own values and defaults, in the documented shape', async () => {
    const { support } = await caseTypes();
    const master = await wire<{ eTag: string; picklistFieldValues: Record<string, PicklistValues> }>(
      `/ui-api/object-info/Case/picklist-values/${MASTER}`,
    );
    expect(master.status).toBe(200);
    expect(master.body.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(master.body.picklistFieldValues)).toEqual(
      expect.arrayContaining(['Origin', 'Type', 'Status', 'Priority', 'Product_Area__c']),
    );
    expect(master.body.picklistFieldValues.Origin?.values.map((v) => v.value)).toEqual([
      'Phone',
      'Email',
      'Web',
      'Chat',
    ]);

    const origin = await wire<PicklistValues>(
      `/ui-api/object-info/Case/picklist-values/${support.recordTypeId}/Origin`,
    );
    expect(origin.status).toBe(200);
    expect(origin.body).toEqual({
      controllerValues: {},
      defaultValue: { attributes: null, label: 'Chat', validFor: [], value: 'Chat' },
      eTag: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      url: `${base}/ui-api/object-info/Case/picklist-values/${support.recordTypeId}/Origin`,
      values: [
        { attributes: null, label: 'Phone', validFor: [], value: 'Phone' },
        { attributes: null, label: 'Email', validFor: [], value: 'Email' },
        { attributes: null, label: 'Chat', validFor: [], value: 'Chat' },
      ],
    });
    const all = await wire<{ picklistFieldValues: Record<string, PicklistValues> }>(
      `/ui-api/object-info/Case/picklist-values/${support.recordTypeId.slice(0, 15)}`,
    );
    expect(all.body.picklistFieldValues.Product_Area__c?.values.map((v) => v.value)).toEqual([
      'Technical',
      'Account Access',
    ]);
    expect(all.body.picklistFieldValues.Status?.values.find((v) => v.value === 'Closed')?.attributes).toEqual(
      {
        closed: true,
        picklistAtrributesValueType: 'CaseStatus',
      },
    );
    expect(all.body.picklistFieldValues.Origin?.eTag).toBe(origin.body.eTag);
    expect(master.body.picklistFieldValues.Origin?.eTag).not.toBe(origin.body.eTag);
  });

  it('answers 400 INVALID_TYPE for an object the UI API does not serve, 404 for an unknown record type or field', async () => {
    expect(await wire(`/ui-api/object-info/Task/picklist-values/${MASTER}`)).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE', message: 'Object Task is not supported in UI API' }],
    });
    const { support } = await caseTypes();
    expect((await wire(`/ui-api/object-info/Lead/picklist-values/${support.recordTypeId}`)).status).toBe(404);
    expect((await wire(`/ui-api/object-info/Case/picklist-values/${MASTER}/Subject`)).status).toBe(404);
    expect((await wire(`/ui-api/object-info/Nope__c/picklist-values/${MASTER}`)).status).toBe(404);
  });

  it('cannot be batched into a composite request', async () => {
    const res = await conn.requestPost<{
      compositeResponse: Array<{ httpStatusCode: number; body: unknown }>;
    }>('/composite', {
      compositeRequest: [
        {
          method: 'GET',
          url: `${base}/ui-api/object-info/Case/picklist-values/${MASTER}`,
          referenceId: 'picklists',
        },
      ],
    });
    expect(res.compositeResponse[0]).toMatchObject({
      httpStatusCode: 400,
      body: [{ errorCode: 'INVALID_BATCH_REQUEST' }],
    });
  });
});

describe('values a record type leaves out', () => {
  it('are refused for a restricted picklist, and accepted for an unrestricted one, as the API does', async () => {
    const { support } = await caseTypes();
    const refused = await errorOf(
      conn
        .sobject('Case')
        .create({ Subject: 'Invoice', RecordTypeId: support.recordTypeId, Product_Area__c: 'Billing' }),
    );
    expect(refused).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Product Area: bad value for restricted picklist field: Billing',
    });
    const saved = await conn.sobject('Case').create({
      Subject: 'Login',
      RecordTypeId: support.recordTypeId,
      Product_Area__c: 'Account Access',
      Origin: 'Web',
    });
    const [created] = sf.emulator.admin.findRecords(sf.demoOrgId, 'Case', { Id: String(saved.id) });
    // Origin is not restricted, so Web is kept; Type and Priority take the Support defaults.
    expect(created).toMatchObject({
      Origin: 'Web',
      Type: 'Problem',
      Priority: 'High',
      RecordTypeId: support.recordTypeId,
    });
    const general = await conn.sobject('Case').create({ Subject: 'Invoice', Product_Area__c: 'Billing' });
    expect(general.success).toBe(true);
    const update = await errorOf(
      conn.sobject('Case').update({ Id: String(saved.id), Product_Area__c: 'Returns' }),
    );
    expect(update).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
  });

  it('refuses the master and another object’s record type once an object has its own', async () => {
    const leadTypes = await conn.query<{ Id: string }>(
      "SELECT Id FROM RecordType WHERE SobjectType = 'Lead'",
    );
    for (const id of [MASTER, leadTypes.records[0]!.Id]) {
      const refused = await errorOf(conn.sobject('Case').create({ Subject: 'x', RecordTypeId: id }));
      expect(refused).toMatchObject({
        errorCode: 'INVALID_CROSS_REFERENCE_KEY',
        message: `Record Type ID: this ID value isn't valid for the user: ${id}`,
      });
    }
    const account = await errorOf(conn.sobject('Account').create({ Name: 'x', RecordTypeId: MASTER }));
    expect(account).toMatchObject({ errorCode: 'INVALID_FIELD' });
  });
});
