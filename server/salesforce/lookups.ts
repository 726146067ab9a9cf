import type { Connection } from 'jsforce';
import type { AutoMatchLookup } from '../../src/mapping/resolve';
import { composite, COMPOSITE_LIMIT, queryUrl, soqlString, subresponseErrors } from './composite';

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

/** Runs auto-match lookups, 25 per composite call; a field maps to the record found, or null. */
export async function runLookups(
  conn: Connection,
  apiVersion: string,
  lookups: LookupSpec[],
): Promise<Map<string, LookupFound | null>> {
  const found = new Map<string, LookupFound | null>();
  for (let i = 0; i < lookups.length; i += COMPOSITE_LIMIT) {
    const chunk = lookups.slice(i, i + COMPOSITE_LIMIT);
    const responses = await composite(
      conn,
      apiVersion,
      chunk.map((lookup, n) => ({
        method: 'GET',
        url: queryUrl(apiVersion, lookupSoql(lookup)),
        referenceId: `lookup${n}`,
      })),
      { allOrNone: false },
    );
    chunk.forEach((lookup, n) => {
      const res = responses[n];
      const record =
        res && subresponseErrors(res).length === 0
          ? (res.body as { records?: Record<string, unknown>[] }).records?.[0]
          : undefined;
      found.set(
        lookup.field,
        record ? { id: String(record.Id), name: String(record[lookup.nameField] ?? record.Id) } : null,
      );
    });
  }
  return found;
}
