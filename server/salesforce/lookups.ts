import type { AutoMatchLookup } from '../../src/mapping/resolve';
import { nameField, type SObjectSummary } from '../../src/salesforce/objectMetadata';
import { errors } from '../http/appError';
import {
  composite,
  COMPOSITE_QUERY_LIMIT,
  queryUrl,
  soqlContains,
  soqlString,
  subresponseErrors,
  type CompositeSubresponse,
} from './composite';
import type { SalesforceMetadata } from './metadata.service';
import type { SalesforceClient } from './salesforce.client';

/** How many records a search by name answers. */
export const NAME_SEARCH_LIMIT = 20;

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

/**
 * The org's object called `objectName` (from its cached object list): an object the org does not have is
 * the caller's mistake (404), not a Salesforce failure.
 */
export async function objectOfOrg(
  metadata: SalesforceMetadata,
  accountId: string,
  client: SalesforceClient,
  objectName: string,
): Promise<SObjectSummary> {
  const found = (await metadata.allObjects(accountId, client)).find((o) => o.name === objectName);
  if (!found) throw errors.notFound(`This Salesforce org has no object called ${objectName}.`);
  return found;
}

/**
 * Records of an object whose name field contains `q` (every record without it), by name, at most 20: one
 * SOQL query, `q` escaped as a LIKE pattern (SOQL "Quoted String Escape Sequences",
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
 * For the pickers of reference fields (settings' static values, the widget's Create form).
 */
export async function searchByName(
  metadata: SalesforceMetadata,
  accountId: string,
  client: SalesforceClient,
  objectName: string,
  q: string,
): Promise<LookupFound[]> {
  const meta = await metadata.describe(accountId, client, objectName);
  const name = nameField(meta)?.name ?? 'Id';
  const where = q ? ` WHERE ${name} LIKE ${soqlContains(q)}` : '';
  const fields = name === 'Id' ? 'Id' : `Id, ${name}`;
  const records = await client.query<Record<string, unknown>>(
    `SELECT ${fields} FROM ${objectName}${where} ORDER BY ${name} LIMIT ${NAME_SEARCH_LIMIT}`,
  );
  return records.map((r) => ({ id: String(r.Id), name: String(r[name] ?? r.Id) }));
}
