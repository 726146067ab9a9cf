import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, errorOf, nora, olivia, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
afterAll(async () => {
  await sf.close();
});

type Row = Record<string, unknown> & { attributes: { type: string; url: string } };

describe('SOQL', () => {
  it('returns fields and parent fields as nested objects with attributes', async () => {
    const result = await conn.query<Row>(
      "SELECT Id, Name, Email, Owner.Name, Account.Name, Account.Owner.Email FROM Contact WHERE Email = 'JOHN.SMITH@acme.example'",
    );
    expect(result.totalSize).toBe(1);
    expect(result.done).toBe(true);
    const [john] = result.records;
    expect(john?.attributes).toEqual({
      type: 'Contact',
      url: `/services/data/v${API_VERSION}/sobjects/Contact/${String(john?.Id)}`,
    });
    expect(john?.Name).toBe('John Smith');
    expect(john?.Owner).toMatchObject({ attributes: { type: 'User' }, Name: 'Nora Agent' });
    expect(john?.Account).toMatchObject({
      Name: 'Acme Corporation',
      Owner: { Email: olivia },
    });
    expect(String(john?.Id)).toMatch(/^003\w{15}$/);
  });

  it('answers null for an empty parent and every asked field', async () => {
    const result = await conn.query<Row>(
      "SELECT Id, Account.Name, Title FROM Contact WHERE LastName = 'Martin'",
    );
    expect(result.records[0]).toMatchObject({ Account: null, Title: 'Freelance Consultant' });
  });

  it('tells an escaped backslash from an escaped wildcard in LIKE', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Back\\slash 100% Ltd' });
    const id = (created as { id: string }).id;
    try {
      const names = async (soql: string) => (await conn.query<Row>(soql)).records.map((r) => r.Name);
      // SOQL: '%\\%' holds a backslash, '%\%%' a percent sign, '%\\_%' a backslash then any character.
      expect(await names("SELECT Name FROM Account WHERE Name LIKE '%\\\\%'")).toEqual([
        'Back\\slash 100% Ltd',
      ]);
      expect(await names("SELECT Name FROM Account WHERE Name LIKE '%\\%%'")).toEqual([
        'Back\\slash 100% Ltd',
      ]);
      expect(await names("SELECT Name FROM Account WHERE Name LIKE '%\\\\s%'")).toEqual([
        'Back\\slash 100% Ltd',
      ]);
      expect(await names("SELECT Name FROM Account WHERE Name LIKE '%\\\\x%'")).toEqual([]);
      expect(await names("SELECT Name FROM Account WHERE Name LIKE '%\\%x%'")).toEqual([]);
    } finally {
      await conn.sobject('Account').destroy(id);
    }
  });

  it('filters with !=, LIKE, IN, NOT IN, AND/OR with parentheses, null and booleans', async () => {
    const names = async (soql: string) => (await conn.query<Row>(soql)).records.map((r) => r.Name).sort();
    expect(await names("SELECT Name FROM Lead WHERE Email LIKE '%globex%'")).toEqual(['Maria Garcia']);
    expect(
      await names("SELECT Name FROM Lead WHERE Status IN ('Closed - Converted', 'Closed - Not Converted')"),
    ).toEqual(['Robert Brown', 'Sofia Rossi']);
    expect(await names('SELECT Name FROM Lead WHERE Email = null')).toEqual(['Nakamura']);
    expect(await names('SELECT Name FROM Lead WHERE IsConverted = true')).toEqual(['Robert Brown']);
    expect(
      await names(
        "SELECT Name FROM Lead WHERE (Status = 'Open - Not Contacted' OR Rating = 'Warm') AND Email != null AND LeadSource NOT IN ('Partner Referral')",
      ),
    ).toEqual(["Liam O'Connor", 'Maria Garcia']);
    expect(await names("SELECT Name FROM Lead WHERE LastName = 'O\\'Connor'")).toEqual(["Liam O'Connor"]);
    expect(
      await names(
        "SELECT Name FROM Contact WHERE NOT (Account.Name = 'Acme Corporation') AND AccountId != null",
      ),
    ).toHaveLength(4);
    expect(
      await names("SELECT Name FROM Chat_Transcript__c WHERE Topics__c INCLUDES ('Technical')"),
    ).toHaveLength(1);
    expect(
      await names('SELECT Name FROM Opportunity WHERE Amount > 10000 AND CloseDate < 2026-03-01'),
    ).toEqual(['Stark Logistics - renewal']);
  });

  it('orders, limits and offsets, and counts with count()', async () => {
    const ordered = await conn.query<Row>(
      'SELECT Name, Amount FROM Opportunity ORDER BY Amount DESC NULLS LAST LIMIT 2',
    );
    expect(ordered.records.map((r) => r.Amount)).toEqual([60000, 24000]);
    const offset = await conn.query<Row>('SELECT Name FROM Account ORDER BY Name ASC LIMIT 2 OFFSET 1');
    expect(offset.records.map((r) => r.Name)).toEqual(['Hooli', 'Soylent Foods']);
    expect(await conn.sobject('Lead').count({ IsConverted: false })).toBe(5);
    const count = await conn.query("SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme Corporation'");
    expect(count).toEqual({ totalSize: 2, done: true, records: [] });
  });

  it('serves jsforce find/findOne with conditions, field lists, sort and limit', async () => {
    const user = await conn
      .sobject('User')
      .findOne({ Email: 'nate.agent@demo-shop.example', IsActive: true }, ['Id', 'Name']);
    expect(user).toMatchObject({ Name: 'Nate Agent' });
    const leads = await conn
      .sobject('Lead')
      .find(
        { $or: [{ Email: 'maria.garcia@globex.example' }, { Phone: { $like: '%555 0134' } }] },
        'Id, Name',
        {
          sort: { CreatedDate: -1 },
          limit: 5,
        },
      );
    expect(leads.map((l) => l.Name)).toEqual(['Priya Patel', 'Maria Garcia']);
    const everything = await conn.sobject('Lead').find({ Email: 'maria.garcia@globex.example' });
    expect(everything[0]).toMatchObject({
      Company: 'Globex',
      Status: 'Working - Contacted',
      IsDeleted: false,
    });
  });

  it('pages with nextRecordsUrl by Sforce-Query-Options batch size, and jsforce follows it', async () => {
    for (let i = 0; i < 450; i++) {
      sf.emulator.admin.insertRecord(sf.demoOrgId, 'Campaign', {
        Name: `Bulk ${String(i).padStart(3, '0')}`,
      });
    }
    const soql = "SELECT Id, Name FROM Campaign WHERE Name LIKE 'Bulk%' ORDER BY Name";
    const first = await raw<{ totalSize: number; done: boolean; nextRecordsUrl: string; records: Row[] }>(
      sf.url,
      conn.accessToken,
      `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`,
      { headers: { 'Sforce-Query-Options': 'batchSize=200' } },
    );
    expect(first.body).toMatchObject({ totalSize: 450, done: false });
    expect(first.body.records).toHaveLength(200);
    expect(first.body.nextRecordsUrl).toMatch(
      new RegExp(`^/services/data/v${API_VERSION}/query/01g\\w{15}-200$`),
    );
    const second = await conn.queryMore<Row>(first.body.nextRecordsUrl);
    expect(second.records[0]?.Name).toBe('Bulk 200');
    expect(second.done).toBe(false);
    const last = await conn.queryMore<Row>(second.nextRecordsUrl ?? '');
    expect(last.done).toBe(true);
    expect(last.records).toHaveLength(50);
    expect(last.nextRecordsUrl).toBeUndefined();
    const all = await conn.query<Row>(soql, { autoFetch: true, maxFetch: 1000 });
    expect(all.records).toHaveLength(450);
    expect((await conn.query(soql)).records).toHaveLength(450);
  });

  it('sees deleted records only with queryAll', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Short Lived Ltd' });
    await conn.sobject('Account').destroy(created.id ?? '');
    const soql = "SELECT Id, IsDeleted FROM Account WHERE Name = 'Short Lived Ltd'";
    expect((await conn.query(soql)).totalSize).toBe(0);
    const all = await conn.query<Row>(soql, { scanAll: true });
    expect(all.records[0]?.IsDeleted).toBe(true);
  });

  it('answers MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE and filter type errors like Salesforce', async () => {
    const invalid = await errorOf(conn.query('invalid'));
    expect(invalid.name).toBe('MALFORMED_QUERY');
    expect(invalid.message).toBe("unexpected token: 'invalid'");
    const from = await errorOf(conn.query('SELECT Id Name FROM Account'));
    expect(from.name).toBe('MALFORMED_QUERY');
    expect(from.message).toContain('ERROR at Row:1:Column:');
    const field = await errorOf(conn.query('SELECT Bacon__c FROM Account LIMIT 2'));
    expect(field.name).toBe('INVALID_FIELD');
    expect(field.message).toBe(
      "\nSELECT Bacon__c FROM Account LIMIT 2\n       ^\nERROR at Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
    const type = await errorOf(conn.query('SELECT Id, Name FROM Acount LIMIT 3'));
    expect(type.name).toBe('INVALID_TYPE');
    expect(type.message).toContain("sObject type 'Acount' is not supported.");
    const relationship = await errorOf(conn.query('SELECT Owner.Nope FROM Lead'));
    expect(relationship.name).toBe('INVALID_FIELD');
    // A polymorphic relationship (a Lead's owner: User or queue) reads the Name object's fields only.
    const polymorphic = await errorOf(conn.query('SELECT Owner.Department FROM Lead'));
    expect(polymorphic.name).toBe('INVALID_FIELD');
    expect(polymorphic.message).toContain("No such column 'Department' on entity 'Name'.");
    const single = await conn.query<{ Owner: { Department: string | null } }>(
      'SELECT Owner.Department FROM Contact LIMIT 1',
    );
    expect(single.records[0]!.Owner).toHaveProperty('Department');
    const mixed = await errorOf(
      conn.query("SELECT Id FROM Lead WHERE Email = 'a' AND Phone = 'b' OR Company = 'c'"),
    );
    expect(mixed.name).toBe('MALFORMED_QUERY');
    const quoted = await errorOf(conn.query("SELECT Id FROM Lead WHERE IsConverted = 'false'"));
    expect(quoted.name).toBe('INVALID_QUERY_FILTER_OPERATOR');
    const raw400 = await raw(sf.url, conn.accessToken, `/services/data/v${API_VERSION}/query?q=invalid`);
    expect(raw400.status).toBe(400);
    expect(raw400.body).toEqual([{ message: "unexpected token: 'invalid'", errorCode: 'MALFORMED_QUERY' }]);
  });
});
