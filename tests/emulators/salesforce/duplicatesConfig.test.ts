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

const config = async (object: string) =>
  raw<Record<string, unknown>>(
    sf.url,
    conn.accessToken,
    `/services/data/v${API_VERSION}/ui-api/duplicates/${object}`,
  );

describe('GET /ui-api/duplicates/{object} (User Interface API duplicate management configuration)', () => {
  it('describes the standard Lead rule as it behaves: Allow with an alert, matching Email', async () => {
    const res = await config('Lead');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      apiName: 'Lead',
      dedupeEnabled: true,
      dedupeFields: ['Email'],
      duplicateRules: [
        {
          actionOnInsert: 'Allow',
          actionOnUpdate: 'Allow',
          active: true,
          duplicateRuleFilters: [],
          matchRules: [
            {
              matchEngine: 'ExactMatchEngine',
              matchFields: ['Email'],
              name: 'Standard_Lead_Match_Rule_v1_0',
              objectApiName: 'Lead',
            },
          ],
          name: 'Standard_Lead_Duplicate_Rule',
          operationsOnInsert: ['Alert', 'Report'],
          operationsOnUpdate: ['Alert', 'Report'],
        },
      ],
      predupeEnabled: true,
    });
    // What it says is what a create meets: refused as DUPLICATES_DETECTED with allowSave=false.
    const error = await errorOf(
      conn
        .sobject('Lead')
        .create(
          { LastName: 'Garcia', Company: 'Globex', Email: 'maria.garcia@globex.example' },
          { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=false' } },
        ),
    );
    expect(error.name).toBe('DUPLICATES_DETECTED');
  });

  it('says Block for a blocking rule, and nothing for a rule switched off or an object without one', async () => {
    sf.emulator.admin.updateSettings(sf.demoOrgId, { duplicateRules: { Lead: 'off', Contact: 'block' } });
    const contact = await config('Contact');
    expect(contact.body).toMatchObject({
      dedupeEnabled: true,
      duplicateRules: [
        { actionOnInsert: 'Block', operationsOnInsert: [], name: 'Standard_Contact_Duplicate_Rule' },
      ],
    });
    for (const object of ['Lead', 'Case']) {
      const res = await config(object);
      expect(res.body).toEqual({
        apiName: object,
        dedupeEnabled: false,
        dedupeFields: [],
        duplicateRules: [],
        predupeEnabled: false,
      });
    }
  });

  it('answers 404 NOT_FOUND for an object the org does not have', async () => {
    const res = await config('Nothing__c');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject([{ errorCode: 'NOT_FOUND' }]);
  });
});
