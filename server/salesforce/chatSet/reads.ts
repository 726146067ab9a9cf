/**
 * Call 1: one `/composite` call (allOrNone false) that reads everything the set needs to decide:
 * every find (link, update), every skip check, every auto-match lookup and every recovery search,
 * one SOQL query per object, matched in memory by the plan. "Up to 25 subrequests … up to 5 of
 * these subrequests can be query operations" (Composite,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm):
 * a set reading more than five objects takes one more call per five.
 */
import { composite, COMPOSITE_QUERY_LIMIT, queryUrl } from '../composite';
import { subresponseFailure } from '../recordWriter';
import type { SalesforceClient } from '../salesforce.client';
import { conditionSoql, type Condition } from './conditions';
import { noteTitle, writtenObject } from './conversation';
import type { ChatSetMember, ChatSetReads, ChatSetRequest } from './types';

/** Records read per object in call 1: the visitor's own few, newest first. */
const READ_LIMIT = 200;

/** A recovery search as the object written sees it: a Note is found by its Title (the Subject). */
export function recoveryCondition(member: ChatSetMember, limit?: number): Condition | undefined {
  if (!member.recover?.match.length) return undefined;
  if (writtenObject(member, limit) !== 'ContentNote') return member.recover;
  const subject = member.conversation?.subject ?? member.values.Subject;
  return typeof subject === 'string' && subject
    ? { match: [{ field: 'Title', value: noteTitle(subject) }], since: member.recover.since }
    : undefined;
}

/** The fields an update compares with the record found. */
const comparedFields = (member: ChatSetMember) => [
  ...Object.keys(member.values),
  ...member.lookups.map((l) => l.field),
  ...member.chatRecords.map((r) => r.field),
];

interface ObjectRead {
  conditions: Condition[];
  fields: Set<string>;
}

/** Per object, the conditions and fields call 1 reads. */
function readsOf(req: ChatSetRequest): Map<string, ObjectRead> {
  const reads = new Map<string, ObjectRead>();
  const add = (objectName: string, condition: Condition | undefined, fields: string[] = []) => {
    if (!condition?.match.length) return;
    let read = reads.get(objectName);
    if (!read) {
      read = {
        conditions: [],
        fields: new Set(['Id', 'CreatedDate', ...(req.readFields?.[objectName] ?? [])]),
      };
      if (objectName === 'Lead')
        ['IsConverted', 'ConvertedContactId', 'ConvertedAccountId'].forEach((f) => read!.fields.add(f));
      reads.set(objectName, read);
    }
    read.conditions.push(condition);
    for (const f of [...condition.match.map((m) => m.field), ...fields]) read.fields.add(f);
  };
  for (const member of req.members) {
    add(
      writtenObject(member, req.taskDescriptionLength),
      recoveryCondition(member, req.taskDescriptionLength),
    );
    for (const skip of member.skipIfFound) add(skip.objectName, { match: skip.match });
    if (member.kind === 'record' && member.duplicatePolicy !== 'create' && member.searchable.length)
      add(
        member.objectName,
        { match: member.searchable },
        member.duplicatePolicy === 'update' ? comparedFields(member) : [],
      );
    for (const lookup of member.lookups)
      add(
        lookup.object,
        { match: [{ field: lookup.matchField, value: lookup.value }] },
        lookup.nameField === 'Id' ? [] : [lookup.nameField],
      );
  }
  return reads;
}

/** The SOQL of one object's read: every condition OR'ed, newest first. */
function readSoql(objectName: string, read: ObjectRead): string {
  const seen = new Set<string>();
  const fields = [...read.fields].filter((f) => !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase()));
  return `SELECT ${fields.join(', ')} FROM ${objectName} WHERE ${read.conditions.map(conditionSoql).join(' OR ')} ORDER BY CreatedDate DESC LIMIT ${READ_LIMIT}`;
}

/** Whether a set must read before it writes (call 1). */
export const chatSetNeedsReads = (req: ChatSetRequest) => readsOf(req).size > 0;

/**
 * Call 1: one composite call (allOrNone false) with one query per object the set must read; more
 * than five objects take one call more per five. A query Salesforce refuses fails the set.
 */
export async function readChatSet(client: SalesforceClient, req: ChatSetRequest): Promise<ChatSetReads> {
  const reads = [...readsOf(req)];
  const records = new Map<string, Record<string, unknown>[]>();
  let calls = 0;
  for (let i = 0; i < reads.length; i += COMPOSITE_QUERY_LIMIT) {
    const chunk = reads.slice(i, i + COMPOSITE_QUERY_LIMIT);
    calls += 1;
    const answers = await composite(
      client,
      chunk.map(([objectName, read], n) => ({
        method: 'GET' as const,
        url: queryUrl(client, readSoql(objectName, read)),
        referenceId: `read${n}`,
      })),
      { allOrNone: false },
    );
    chunk.forEach(([objectName], n) => {
      const answer = answers.get(`read${n}`);
      if (!answer || answer.httpStatusCode >= 300) throw subresponseFailure(answer, `read${n}`);
      records.set(objectName, (answer.body as { records?: Record<string, unknown>[] }).records ?? []);
    });
  }
  return { records, calls };
}
