import type { AutoMatchLookup } from '../../src/mapping/resolve';
import {
  composite,
  COMPOSITE_QUERY_LIMIT,
  queryUrl,
  soqlString,
  subresponseErrors,
  type CompositeSubresponse,
} from './composite';
import type { SalesforceClient } from './salesforce.client';

export interface LookupSpec extends AutoMatchLookup {
  /** The name field of the searched object (Name, CaseNumber, Subject…), to show what was found. */
  nameField: string;
}

export interface LookupFound {
  id: string;
  name: string;
}

export function lookupSoql(lookup: LookupSpec): string {
  const fields = lookup.nameField === 'Id' ? 'Id' : `Id, ${lookup.nameField}`;
  return `SELECT ${fields} FROM ${lookup.object} WHERE ${lookup.matchField} = ${soqlString(lookup.value)} LIMIT 1`;
}

/** The record a lookup's query subresponse found, or null. */
export function lookupResult(lookup: LookupSpec, res: CompositeSubresponse | undefined): LookupFound | null {
  if (!res || subresponseErrors(res).length > 0) return null;
  const record = (res.body as { records?: Record<string, unknown>[] }).records?.[0];
  return record ? { id: String(record.Id), name: String(record[lookup.nameField] ?? record.Id) } : null;
}

/** Runs auto-match lookups, 5 queries per composite call (Salesforce's limit); a field maps to the record found, or null. */
export async function runLookups(
  client: SalesforceClient,
  lookups: LookupSpec[],
): Promise<Map<string, LookupFound | null>> {
  const found = new Map<string, LookupFound | null>();
  for (let i = 0; i < lookups.length; i += COMPOSITE_QUERY_LIMIT) {
    const chunk = lookups.slice(i, i + COMPOSITE_QUERY_LIMIT);
    const responses = await composite(
      client,
      chunk.map((lookup, n) => ({
        method: 'GET',
        url: queryUrl(client, lookupSoql(lookup)),
        referenceId: `lookup${n}`,
      })),
      { allOrNone: false },
    );
    chunk.forEach((lookup, n) => found.set(lookup.field, lookupResult(lookup, responses.get(`lookup${n}`))));
  }
  return found;
}
