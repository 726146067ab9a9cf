import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVisitors } from '../../../emulators/demo/people';
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

type Hit = Record<string, unknown> & { attributes: { type: string } };
const search = async (sosl: string) => (await conn.search(sosl)).searchRecords as Hit[];
const escape = (term: string) => term.replace(/[?&|!{}[\]()^~*:\\"'+-]/g, (c) => `\\${c}`);

describe('SOSL', () => {
  it('finds the existing contact and lead by email, with the asked fields', async () => {
    const hits = await search(
      `FIND {${escape(demoVisitors.existingContact.email)}} IN EMAIL FIELDS RETURNING Contact(Id, Name, Email, Account.Name), Lead(Id, Name, Email WHERE IsConverted = false LIMIT 5)`,
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      attributes: { type: 'Contact' },
      Name: 'John Smith',
      Email: demoVisitors.existingContact.email,
      Account: { Name: 'Acme Corporation' },
    });
    const lead = await search(
      `FIND {${escape(demoVisitors.existingLead.email)}} IN EMAIL FIELDS RETURNING Contact(Id), Lead(Id, Name)`,
    );
    expect(lead).toEqual([
      expect.objectContaining({
        attributes: expect.objectContaining({ type: 'Lead' }),
        Name: 'Maria Garcia',
      }),
    ]);
  });

  it('does not find the new visitors', async () => {
    for (const visitor of [demoVisitors.newVisitor, demoVisitors.newVisitor2]) {
      expect(
        await search(`FIND {${escape(visitor.email)}} IN EMAIL FIELDS RETURNING Contact(Id), Lead(Id)`),
      ).toEqual([]);
      expect(
        await search(`FIND {${escape(visitor.phone)}} IN PHONE FIELDS RETURNING Contact(Id), Lead(Id)`),
      ).toEqual([]);
      expect(
        await search(`FIND {${escape(visitor.name)}} IN NAME FIELDS RETURNING Contact(Id), Lead(Id)`),
      ).toEqual([]);
    }
  });

  it('matches phone numbers whatever their formatting', async () => {
    for (const term of ['4155550101', '+1 (415) 555-0101', '14155550101']) {
      const hits = await search(
        `FIND {${escape(term)}} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone), Lead(Id, Name, Phone)`,
      );
      expect(hits.map((h) => h.Name)).toEqual(['John Smith']);
    }
    const mobile = await search('FIND {4155550199} IN PHONE FIELDS RETURNING Contact(Name, MobilePhone)');
    expect(mobile).toEqual([expect.objectContaining({ Name: 'John Smith', MobilePhone: '(415) 555-0199' })]);
  });

  it('takes an OR of quoted phrases and returns every object in one flat list', async () => {
    const hits = await search(
      'FIND {"john.smith@acme.example" OR "maria.garcia@globex.example"} IN EMAIL FIELDS RETURNING Contact(Id, Name), Lead(Id, Name)',
    );
    expect(hits.map((h) => `${h.attributes.type}:${String(h.Name)}`)).toEqual([
      'Contact:John Smith',
      'Lead:Maria Garcia',
    ]);
  });

  it('searches name fields case- and accent-insensitively, with wildcards', async () => {
    expect(
      (await search('FIND {aisha khan} IN NAME FIELDS RETURNING Contact(Name)')).map((h) => h.Name),
    ).toEqual(['Aïsha Khan']);
    expect((await search('FIND {Gar*} IN NAME FIELDS RETURNING Lead(Name)')).map((h) => h.Name)).toEqual([
      'Maria Garcia',
    ]);
  });

  it('searches all fields by default and answers only Id without a field list', async () => {
    const hits = await search('FIND {Acme} RETURNING Account, Contact(Name ORDER BY Name)');
    expect(hits[0]).toEqual({
      attributes: {
        type: 'Account',
        url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Account\/001/) as unknown,
      },
      Id: expect.any(String) as unknown,
    });
    expect(hits.slice(1).map((h) => h.Name)).toEqual(['Jane Cooper', 'John Smith']);
  });

  it('answers MALFORMED_SEARCH and INVALID_TYPE', async () => {
    expect((await errorOf(conn.search('FIND john'))).name).toBe('MALFORMED_SEARCH');
    expect((await errorOf(conn.search('FIND {john} RETURNING Nope__c(Id)'))).name).toBe('INVALID_TYPE');
    expect((await errorOf(conn.search('FIND {john} RETURNING Contact(Nope)'))).name).toBe('INVALID_FIELD');
  });
});

describe('parameterizedSearch', () => {
  it('searches with a JSON body', async () => {
    const res = await conn.requestPost<{ searchRecords: Hit[] }>('/parameterizedSearch', {
      q: demoVisitors.existingContact.email,
      in: 'EMAIL',
      fields: ['Id', 'Name'],
      sobjects: [{ name: 'Contact', fields: ['Id', 'Name', 'Email'], limit: 5 }, { name: 'Lead' }],
      overallLimit: 20,
    });
    expect(res.searchRecords).toEqual([
      expect.objectContaining({ Name: 'John Smith', Email: demoVisitors.existingContact.email }),
    ]);
  });

  it('returns parent fields through relationships, as nested records', async () => {
    const res = await conn.requestPost<{ searchRecords: Hit[] }>('/parameterizedSearch', {
      q: demoVisitors.existingContact.email,
      sobjects: [{ name: 'Contact', fields: ['Id', 'Name', 'Account.Name', 'Owner.Name'], limit: 5 }],
    });
    expect(res.searchRecords).toEqual([
      expect.objectContaining({
        Name: 'John Smith',
        Account: expect.objectContaining({ Name: 'Acme Corporation' }),
        Owner: expect.objectContaining({ Name: 'Nora Agent' }),
      }),
    ]);
    const refused = await errorOf(
      conn.requestPost('/parameterizedSearch', {
        q: demoVisitors.existingContact.email,
        sobjects: [{ name: 'Lead', fields: ['Id', 'Owner.Department'] }],
      }),
    );
    expect(refused.name).toBe('INVALID_FIELD');
  });

  it('searches with query parameters', async () => {
    const params = new URLSearchParams({
      q: 'Acme',
      sobject: 'Account',
      'Account.fields': 'Id,Name',
      'Account.limit': '10',
    });
    const res = await raw<{ searchRecords: Hit[] }>(
      sf.url,
      conn.accessToken,
      `/services/data/v${API_VERSION}/parameterizedSearch?${params.toString()}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.searchRecords.map((h) => h.Name)).toEqual(['Acme Corporation']);
  });
});
