import { describe, expect, it } from 'vitest';
import type { ObjectMetadata } from '../../../src/salesforce/objectMetadata';
import { searchByName } from '../../../server/salesforce/lookups';
import type { SalesforceMetadata } from '../../../server/salesforce/metadata.service';
import type { SalesforceClient } from '../../../server/salesforce/salesforce.client';

const account: ObjectMetadata = {
  name: 'Account',
  label: 'Account',
  custom: false,
  createable: true,
  keyPrefix: '001',
  fields: [
    {
      name: 'Name',
      label: 'Account Name',
      type: 'string',
      length: 255,
      precision: 0,
      scale: 0,
      digits: 0,
      nillable: false,
      createable: true,
      updateable: true,
      defaultedOnCreate: false,
      filterable: true,
      calculated: false,
      picklistValues: [],
      restrictedPicklist: false,
      referenceTo: [],
      relationshipName: null,
      nameField: true,
      unique: false,
      externalId: false,
      idLookup: false,
      extraTypeInfo: null,
    },
  ],
};

/** The SOQL `searchByName` sends for `q`, with the describe above and a client that only listens. */
async function soqlFor(q: string): Promise<string> {
  const sent: string[] = [];
  const metadata = { describe: () => Promise.resolve(account) } as unknown as SalesforceMetadata;
  const client = {
    query: (soql: string) => {
      sent.push(soql);
      return Promise.resolve([{ Id: '001000000000001AAA', Name: 'Acme' }]);
    },
  } as unknown as SalesforceClient;
  await searchByName(metadata, 'account-1', client, 'Account', q);
  return sent[0]!;
}

// SOQL "Quoted String Escape Sequences": \' a quote, \\ a backslash, and in LIKE only \% and \_ the
// characters themselves (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
describe('searchByName', () => {
  it('searches the name field for text containing what was typed, by name, 20 at most', async () => {
    expect(await soqlFor('acme')).toBe(
      "SELECT Id, Name FROM Account WHERE Name LIKE '%acme%' ORDER BY Name LIMIT 20",
    );
    expect(await soqlFor('')).toBe('SELECT Id, Name FROM Account ORDER BY Name LIMIT 20');
  });

  it('escapes quotes and backslashes, and takes % and _ literally', async () => {
    expect(await soqlFor(`O'Brien \\ 100%_x`)).toBe(
      String.raw`SELECT Id, Name FROM Account WHERE Name LIKE '%O\'Brien \\ 100\%\_x%' ORDER BY Name LIMIT 20`,
    );
    expect(await soqlFor(`' OR Name != '`)).toContain(String.raw`LIKE '%\' OR Name != \'%'`);
  });
});
