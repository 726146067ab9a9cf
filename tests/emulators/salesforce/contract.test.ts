/**
 * Contract tests: the emulator's answers against the documented examples of
 * ../shared/reference/salesforce.md, field by field (every documented key present, same JSON type).
 */
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_VERSION,
  approve,
  codeFrom,
  connectAs,
  demoApp,
  nora,
  pkcePair,
  raw,
  REDIRECT_URI,
  startEmulator,
  type Started,
} from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
afterAll(async () => {
  await sf.close();
});

/** Every key of `documented` is in `actual` with the same JSON type (a documented null allows any value). */
function expectShape(actual: unknown, documented: unknown, path = '$'): void {
  if (documented === null) return;
  if (Array.isArray(documented)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true);
    const sample = (actual as unknown[])[0];
    if (documented.length > 0 && sample !== undefined) expectShape(sample, documented[0], `${path}[0]`);
    return;
  }
  if (typeof documented === 'object') {
    expect(
      actual !== null && typeof actual === 'object' && !Array.isArray(actual),
      `${path} should be an object`,
    ).toBe(true);
    for (const [key, value] of Object.entries(documented)) {
      expect(actual as object, `${path} should have ${key}`).toHaveProperty([key]);
      expectShape((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(typeof actual, `${path} should be a ${typeof documented}`).toBe(typeof documented);
}

const get = <T = unknown>(path: string, headers?: Record<string, string>) =>
  raw<T>(sf.url, conn.accessToken, `/services/data/v${API_VERSION}${path}`, { headers: headers ?? {} });

describe('OAuth (reference §3)', () => {
  it('token response matches §3.2', async () => {
    const { verifier, challenge } = pkcePair();
    const authorize = new URL(`${sf.url}/services/oauth2/authorize`);
    for (const [k, v] of Object.entries({
      scope: 'api refresh_token',
      state: 'xyz',
      response_type: 'code',
      client_id: demoApp.clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
    })) {
      authorize.searchParams.set(k, v);
    }
    const code = codeFrom((await approve(authorize.toString(), nora)).location);
    const res = await fetch(`${sf.url}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: demoApp.clientId,
        client_secret: demoApp.clientSecret,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    const body = (await res.json()) as Record<string, string>;
    expectShape(body, {
      access_token: '00D5g000004XXXX!AQ0AQ...',
      refresh_token: '5Aep861...',
      signature: 'SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=',
      scope: 'refresh_token api id',
      instance_url: 'https://MyDomainName.my.salesforce.com',
      id: 'https://login.salesforce.com/id/00D5g000004XXXXEAA/0055g00000AAAAAAA2',
      token_type: 'Bearer',
      issued_at: '1700000000000',
    });
    expect(body.issued_at).toMatch(/^\d{13}$/);
    expect(body.signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(body.id?.split('/').slice(-2)).toEqual([sf.demoOrgId, expect.stringMatching(/^005/)]);
  });

  it('identity matches §3.6', async () => {
    const res = await fetch(`${conn.userInfo?.url ?? ''}?format=json&oauth_token=${conn.accessToken ?? ''}`);
    expectShape(await res.json(), {
      id: 'https://login.salesforce.com/id/00D5g000004XXXXEAA/0055g00000AAAAAAA2',
      asserted_user: true,
      user_id: '0055g00000AAAAAAA2',
      organization_id: '00D5g000004XXXXEAA',
      username: 'agent@acme.com',
      nick_name: 'agent',
      display_name: 'Ada Agent',
      email: 'agent@acme.com',
      email_verified: true,
      first_name: 'Ada',
      last_name: 'Agent',
      timezone: 'Europe/Paris',
      photos: { picture: 'https://…/profilephoto/005/F', thumbnail: 'https://…/profilephoto/005/T' },
      urls: {
        enterprise: '',
        partner: '',
        rest: 'https://…/services/data/v{version}/',
        sobjects: '',
        search: '',
        query: '',
        metadata: '',
        profile: '',
      },
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 3600000,
      last_modified_date: '2024-01-01T00:00:00.000+0000',
      is_app_installed: true,
    });
  });
});

describe('REST basics (reference §4)', () => {
  it('versions and resources match §4.1', async () => {
    const versions = await raw<Array<{ version: string }>>(sf.url, undefined, '/services/data/');
    expectShape(versions.body, [{ label: "Winter '24", url: '/services/data/v59.0', version: '59.0' }]);
    expect(versions.body).toContainEqual({
      label: "Winter '24",
      url: '/services/data/v59.0',
      version: '59.0',
    });
    const resources = await get<Record<string, string>>('');
    expectShape(resources.body, {
      sobjects: '/services/data/v59.0/sobjects',
      query: '/services/data/v59.0/query',
      search: '/services/data/v59.0/search',
      limits: '/services/data/v59.0/limits',
      composite: '/services/data/v59.0/composite',
      parameterizedSearch: '…',
      identity: 'https://login.salesforce.com/id/00D…/005…',
    });
    expect(resources.body.identity).toBe(conn.userInfo?.url);
  });

  it('accepts paths with and without a trailing slash', async () => {
    expect((await get('/sobjects/')).status).toBe(200);
    expect((await get(`/query/?q=${encodeURIComponent('SELECT Id FROM Lead LIMIT 1')}`)).status).toBe(200);
  });

  it('JSON content type on every JSON answer, errors included', async () => {
    expect((await get('/limits')).headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect((await get('/sobjects/Nope')).headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect((await get('/nothing/here')).body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    ]);
  });
});

describe('describe (reference §5)', () => {
  it('global entry matches §5.1', async () => {
    const global = await get<{ sobjects: Array<{ name: string }> }>('/sobjects');
    expectShape(global.body, { encoding: 'UTF-8', maxBatchSize: 200, sobjects: [] });
    expectShape(
      global.body.sobjects.find((o) => o.name === 'Lead'),
      {
        activateable: false,
        createable: true,
        custom: false,
        customSetting: false,
        deepCloneable: false,
        deletable: true,
        deprecatedAndHidden: false,
        feedEnabled: true,
        hasSubtypes: false,
        isInterface: false,
        isSubtype: false,
        keyPrefix: '00Q',
        label: 'Lead',
        labelPlural: 'Leads',
        layoutable: true,
        mergeable: true,
        mruEnabled: true,
        name: 'Lead',
        queryable: true,
        replicateable: true,
        retrieveable: true,
        searchable: true,
        triggerable: true,
        undeletable: true,
        updateable: true,
        urls: { sobject: '/services/data/v59.0/sobjects/Lead', describe: '…', rowTemplate: '…' },
      },
    );
  });

  it('field entries match §5.2', async () => {
    const lead = await get<{ fields: Array<{ name: string }> }>('/sobjects/Lead/describe');
    expectShape(lead.body, {
      fields: [],
      childRelationships: [],
      recordTypeInfos: [],
      actionOverrides: [],
      compactLayoutable: true,
      namedLayoutInfos: [],
      networkScopeFieldName: null,
      searchLayoutable: true,
      supportedScopes: [],
      urls: {
        uiDetailTemplate: '',
        uiEditTemplate: '',
        uiNewRecord: '',
        layouts: '',
        compactLayouts: '',
        quickActions: '',
        listviews: '',
      },
    });
    const byName = (name: string) => lead.body.fields.find((f) => f.name === name);
    const documented: Record<string, object> = {
      Id: {
        name: 'Id',
        type: 'id',
        label: 'Lead ID',
        length: 18,
        nillable: false,
        createable: false,
        updateable: false,
        defaultedOnCreate: true,
        unique: false,
        externalId: false,
        nameField: false,
        idLookup: true,
        filterable: true,
        soapType: 'tns:ID',
        referenceTo: [],
        relationshipName: null,
        picklistValues: [],
        custom: false,
        calculated: false,
      },
      LastName: {
        name: 'LastName',
        type: 'string',
        label: 'Last Name',
        length: 80,
        nillable: false,
        createable: true,
        updateable: true,
        defaultedOnCreate: false,
        nameField: false,
        soapType: 'xsd:string',
        referenceTo: [],
        picklistValues: [],
        custom: false,
      },
      Name: {
        name: 'Name',
        type: 'string',
        label: 'Full Name',
        length: 121,
        nillable: false,
        createable: false,
        updateable: false,
        nameField: true,
        compoundFieldName: null,
      },
      Email: {
        name: 'Email',
        type: 'email',
        label: 'Email',
        length: 80,
        nillable: true,
        createable: true,
        updateable: true,
        defaultedOnCreate: false,
        unique: false,
        idLookup: true,
        soapType: 'xsd:string',
      },
      Phone: {
        name: 'Phone',
        type: 'phone',
        label: 'Phone',
        length: 40,
        nillable: true,
        createable: true,
        soapType: 'xsd:string',
      },
      Status: {
        name: 'Status',
        type: 'picklist',
        label: 'Status',
        length: 255,
        nillable: false,
        createable: true,
        defaultedOnCreate: true,
        restrictedPicklist: false,
        picklistValues: [
          {
            active: true,
            defaultValue: true,
            label: 'Open - Not Contacted',
            validFor: null,
            value: 'Open - Not Contacted',
          },
        ],
      },
      OwnerId: {
        name: 'OwnerId',
        type: 'reference',
        label: 'Owner ID',
        length: 18,
        nillable: false,
        createable: true,
        defaultedOnCreate: true,
        referenceTo: ['Group', 'User'],
        relationshipName: 'Owner',
        polymorphicForeignKey: true,
        soapType: 'tns:ID',
      },
      HasOptedOutOfEmail: {
        name: 'HasOptedOutOfEmail',
        type: 'boolean',
        nillable: false,
        createable: true,
        defaultedOnCreate: true,
        soapType: 'xsd:boolean',
      },
    };
    for (const [name, example] of Object.entries(documented)) {
      const actual = byName(name);
      expectShape(actual, example, name);
      const { picklistValues, ...scalars } = example as { picklistValues?: unknown[] };
      expect(actual).toMatchObject(scalars);
      for (const value of picklistValues ?? [])
        expect((actual as unknown as { picklistValues: unknown[] }).picklistValues).toContainEqual(value);
    }
    const ticket = byName('LiveChat_Visitor_Id__c');
    expectShape(ticket, {
      type: 'string',
      length: 40,
      custom: true,
      unique: true,
      externalId: true,
      caseSensitive: false,
      nillable: true,
    });
  });
});

describe('query, search and records (reference §6–§8)', () => {
  it('query page and count match §6.1', async () => {
    const res = await get(`/query?q=${encodeURIComponent('SELECT Id, Email, Owner.Name FROM Lead')}`);
    expectShape(res.body, {
      totalSize: 3214,
      done: false,
      records: [
        {
          attributes: { type: 'Lead', url: '/services/data/v59.0/sobjects/Lead/00Q5g00000AbCdEEAV' },
          Id: '00Q5g00000AbCdEEAV',
          Email: null,
          Owner: { attributes: { type: 'User', url: '' }, Name: 'Ada Agent' },
        },
      ],
    });
    const count = await get(`/query?q=${encodeURIComponent('select count() from Lead')}`);
    expect(count.body).toEqual({ totalSize: 6, done: true, records: [] });
  });

  it('search matches §7', async () => {
    const res = await get(
      `/search?q=${encodeURIComponent('FIND {Acme} IN ALL FIELDS RETURNING Contact(Id, Name, Email), Lead(Id)')}`,
    );
    expectShape(res.body, {
      searchRecords: [
        {
          attributes: { type: 'Contact', url: '/services/data/v59.0/sobjects/Contact/0035g…' },
          Id: '0035g…',
          Name: 'Ada Lovelace',
          Email: 'ada@example.com',
        },
      ],
    });
  });

  it('create and its errors match §8.1 and §9', async () => {
    const path = `/services/data/v${API_VERSION}/sobjects/Lead`;
    const created = await raw(sf.url, conn.accessToken, path, {
      method: 'POST',
      body: { LastName: 'X', Company: 'Y' },
    });
    expect(created.status).toBe(201);
    expectShape(created.body, { id: '00Q5f000004KdBeEAK', success: true, errors: [] });
    const missing = await raw(sf.url, conn.accessToken, path, { method: 'POST', body: { Company: 'Y' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual([
      {
        message: 'Required fields are missing: [LastName]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      },
    ]);
    const duplicate = await raw(sf.url, conn.accessToken, path, {
      method: 'POST',
      body: { LastName: 'G', Company: 'Globex', Email: 'maria.garcia@globex.example' },
    });
    expect(duplicate.status).toBe(400);
    expectShape(duplicate.body, [
      {
        duplicateResut: {
          allowSave: false,
          duplicateRule: 'Standard_Lead_Duplicate_Rule',
          duplicateRuleEntityType: 'Lead',
          errorMessage: 'Use one of these records?',
          matchResults: [
            {
              entityType: 'Lead',
              errors: [],
              matchEngine: 'ExactMatchEngine',
              matchRecords: [
                {
                  additionalInformation: [],
                  fieldDiffs: [],
                  matchConfidence: 100.0,
                  record: {
                    attributes: { type: 'Lead', url: '/services/data/v59.0/sobjects/Lead/00Q5g…' },
                    Id: '00Q5g…',
                  },
                },
              ],
              rule: 'Standard_Lead_Match_Rule_v1_0',
              size: 1,
              success: true,
            },
          ],
        },
        errorCode: 'DUPLICATES_DETECTED',
        message: 'Use one of these records?',
      },
    ]);
  });
});

describe('limits, collections and composite (reference §10)', () => {
  it('limits match §10.1', async () => {
    const res = await get('/limits');
    expectShape(res.body, {
      DailyApiRequests: { Max: 15000, Remaining: 14975 },
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      SingleEmail: { Max: 15, Remaining: 15 },
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
    });
    const used = Number(/api-usage=(\d+)\/(\d+)/.exec(res.headers.get('sforce-limit-info') ?? '')?.[1]);
    expect(
      (res.body as { DailyApiRequests: { Max: number; Remaining: number } }).DailyApiRequests.Remaining,
    ).toBe(15000 - used);
  });

  it('collections create matches §10.2', async () => {
    const res = await raw(sf.url, conn.accessToken, `/services/data/v${API_VERSION}/composite/sobjects`, {
      method: 'POST',
      body: {
        allOrNone: false,
        records: [
          { attributes: { type: 'Lead' }, LastName: 'A', Company: 'X' },
          { attributes: { type: 'Lead' }, Company: 'B' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expectShape(res.body, [{ id: '00Q5g000001AAAAEA2', success: true, errors: [] }]);
    expect((res.body as unknown[])[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName]',
          fields: ['LastName'],
        },
      ],
    });
  });

  it('composite matches §10.3', async () => {
    const base = `/services/data/v${API_VERSION}`;
    const res = await raw(sf.url, conn.accessToken, `${base}/composite`, {
      method: 'POST',
      body: {
        allOrNone: true,
        collateSubrequests: false,
        compositeRequest: [
          {
            method: 'GET',
            url: `${base}/query/?q=SELECT+Id+FROM+User+WHERE+Email='nora.agent@demo-shop.example'+LIMIT+1`,
            referenceId: 'owner',
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Contact`,
            referenceId: 'newContact',
            body: { LastName: 'Lovelace', Email: 'ada@example.com', OwnerId: '@{owner.records[0].Id}' },
          },
          {
            method: 'POST',
            url: `${base}/sobjects/Case`,
            referenceId: 'newCase',
            body: { Subject: 'Chat transcript', ContactId: '@{newContact.id}', Origin: 'Web' },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expectShape(res.body, {
      compositeResponse: [
        {
          body: {
            totalSize: 1,
            done: true,
            records: [{ attributes: { type: 'User', url: '' }, Id: '0055g…' }],
          },
          httpHeaders: {},
          httpStatusCode: 200,
          referenceId: 'owner',
        },
      ],
    });
    const entries = (
      res.body as {
        compositeResponse: Array<{ httpStatusCode: number; httpHeaders: Record<string, string> }>;
      }
    ).compositeResponse;
    expect(entries.map((e) => e.httpStatusCode)).toEqual([200, 201, 201]);
    expectShape(entries[1], {
      body: { id: '0035g…', success: true, errors: [] },
      httpHeaders: { Location: '' },
      httpStatusCode: 201,
      referenceId: 'newContact',
    });
  });
});
