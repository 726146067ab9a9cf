/**
 * A condition call 1 reads by and the plan matches by: any of some fields equal, created since a
 * time when set. The SOQL that reads it, and the in-memory match of the records read.
 */
import { soqlString } from '../composite';
import type { FieldEquals } from '../recordWriter';
import type { ChatSetReads } from './types';

/** One condition of an object's query: any of `match` equal, and created since `since` when set. */
export interface Condition {
  match: FieldEquals[];
  since?: Date;
}

const soqlDateTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const conditionSoql = (c: Condition) => {
  const any = c.match.map((m) => `${m.field} = ${soqlString(m.value)}`).join(' OR ');
  return c.since ? `((${any}) AND CreatedDate >= ${soqlDateTime(c.since)})` : `(${any})`;
};

const same = (a: unknown, b: string) =>
  typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean'
    ? String(a).trim().toLowerCase() === b.trim().toLowerCase()
    : false;

export const matches = (record: Record<string, unknown>, c: Condition) =>
  c.match.some((m) => same(record[m.field], m.value)) &&
  (!c.since || new Date(String(record.CreatedDate)).getTime() >= c.since.getTime() - 1000);

export const firstMatch = (reads: ChatSetReads, objectName: string, c: Condition | undefined) =>
  c?.match.length ? reads.records.get(objectName)?.find((r) => matches(r, c)) : undefined;
