/**
 * A chat's linked set of records on one account, written in at most two Salesforce calls:
 * 1. one `/composite` call (allOrNone false) that reads everything the set needs to decide: every
 *    find (link, update), every skip check, every auto-match lookup and every recovery search, one
 *    SOQL query per object, matched here in memory;
 * 2. one `/composite/graph` call with one graph for the whole set: every record created or updated,
 *    and the conversation (a Task, or a ContentNote with its ContentDocumentLinks), all or nothing.
 * No read needed: no call 1. No write needed: no call 2. Salesforce allows at most five queries in a
 * composite call; a set reading more than five objects takes one more call per five.
 *
 * Salesforce only: no database. Docs: Composite
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_post.htm),
 * Composite Graph (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph.htm,
 * nodes only on `sobjects/{object}` (POST) and `sobjects/{object}/{id}` (PATCH…), at most 500 nodes),
 * ContentNote (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm).
 */
import type { SalesforceValue } from '../../src/mapping/convertValue';
import {
  defaultUpdateRule,
  kindOf,
  type ConversationLogKind,
  type DuplicatePolicy,
  type Mapping,
  type MappingKind,
  type UpdateRule,
} from '../../src/mapping/mapping';
import {
  composite,
  COMPOSITE_LIMIT,
  COMPOSITE_QUERY_LIMIT,
  queryUrl,
  soqlString,
  subresponseErrors,
  type CompositeSubrequest,
  type CompositeSubresponse,
} from './composite';
import type { LookupFound, LookupSpec } from './lookups';
import { subresponseFailure, writeRecord, type FieldEquals } from './recordWriter';
import type { SalesforceClient } from './salesforce.client';
import { SalesforceError } from './salesforceError';

/** Task.Description's length (a long text area of 32,000 characters); a longer conversation is a Note. */
export const TASK_DESCRIPTION_LENGTH = 32_000;
/** Composite graph: "up to 500 nodes" in a graph. */
export const GRAPH_NODE_LIMIT = 500;
/** Records read per object in call 1: the visitor's own few, newest first. */
const READ_LIMIT = 200;
/** Objects a Task's WhoId names; any other record goes in WhatId. */
const WHO_OBJECTS = new Set(['Lead', 'Contact']);

/** One mapping of the set, prepared from the chat. */
export interface ChatSetMember {
  mappingId: string;
  /** The mapping's object (`Task` for the conversation log). */
  objectName: string;
  objectLabel: string;
  kind: MappingKind;
  /** The conversation log only: a Task (a Note when too long), or always a Note. */
  logAs?: ConversationLogKind;
  /**
   * The conversation log only, as prepareRecord decided it: a Task, or a Note whose Title is the
   * subject and whose content is the text (its `values` then lack the Description).
   */
  conversation?: { as: ConversationLogKind; subject: string; text: string };
  /** Converted values, without auto-matched and chat-record fields. */
  values: Record<string, SalesforceValue>;
  lookups: LookupSpec[];
  /** Reference fields whose value is this chat's record of the account's mapping of `object`. */
  chatRecords: { field: string; object: string }[];
  /** Values to find the visitor's existing record by (policy link or update). */
  searchable: FieldEquals[];
  duplicatePolicy: DuplicatePolicy;
  /** Policy `update`: what each field does to the record found. Absent: `defaultUpdateRule`. */
  updateRules: Record<string, UpdateRule>;
  /** Skip the mapping when a record of one of these objects has one of these values. */
  skipIfFound: { objectName: string; match: FieldEquals[] }[];
  autoAssign: boolean;
  /** After a crash: a record with one of these values created since then is an earlier attempt's own. */
  recover?: { since: Date; match: FieldEquals[] };
}

/** A record this chat already has for a mapping (a settled run, or one an agent created). */
export interface SettledRecord {
  mappingId: string;
  /** The mapping's object, by which chat-record entries name it. */
  mappingObject: string;
  id: string;
  /** The record's own object (a converted Lead's Contact, a ContentNote). */
  objectName: string;
}

export interface ChatSetRequest {
  members: ChatSetMember[];
  settled: SettledRecord[];
  /** Task.Description's length in this org, when its describe says. */
  taskDescriptionLength?: number;
  /**
   * A set of one record only: the org's duplicate rules decide the link (issue 17), so its create
   * alone finds the visitor's record, linked on DUPLICATES_DETECTED: one call, no search.
   */
  linkOnDuplicate?: boolean;
}

export type ChatSetOutcomeKind = 'created' | 'linked' | 'updated' | 'skipped';

/** Why a record was not created as the mapping asked, when it was not. */
export type ChatSetReason =
  /** A Lead found was converted: its Contact is the chat's record. */
  | 'converted'
  /** Skipped: the visitor exists as one of `skipIfExistsAs`. */
  | 'existsAs'
  /** Salesforce's duplicate rules pointed at an existing record. */
  | 'duplicateRule'
  /** Found by the mapping's searchable fields. */
  | 'found'
  /** Created by an earlier attempt (found after a crash). */
  | 'recovered';

export interface ChatSetOutcome {
  mappingId: string;
  outcome: ChatSetOutcomeKind;
  /** The record, or null when a skipped mapping points at none. */
  id: string | null;
  /** Of `id`: a converted Lead's Contact, a duplicate of another object, `ContentNote`. */
  objectName: string;
  reason?: ChatSetReason;
  /** Fields written to a record found (outcome `updated`). */
  updatedFields: string[];
  /** Auto-match fields whose lookup found nothing (left to Salesforce's default). */
  unmatched: string[];
}

export interface ChatSetResult {
  outcomes: ChatSetOutcome[];
  /** Salesforce API calls spent. */
  calls: number;
}

/** What call 1 read: per object, the records that matched any of the set's conditions, newest first. */
export interface ChatSetReads {
  records: Map<string, Record<string, unknown>[]>;
  calls: number;
}

/** What the set will do per mapping, and the graph that does it (empty: nothing to write). */
export interface ChatSetPlan {
  /** Per member, in the set's (reference) order. */
  steps: PlannedStep[];
  /** The graph's nodes, in reference order. */
  nodes: CompositeSubrequest[];
}

export interface PlannedStep {
  mappingId: string;
  action: 'create' | 'update' | 'link' | 'skip' | 'recovered';
  /** The record found (link, update, skip, recovered); absent for a create. */
  id?: string;
  /** The object of the record written or found (`ContentNote` for a conversation as a Note). */
  objectName: string;
  reason?: ChatSetReason;
  /** The values a create sends, or the fields an update writes (references as `@{ref.id}`). */
  fields: Record<string, SalesforceValue>;
  /** The graph node that writes the record, when one does. */
  referenceId?: string;
  unmatched: string[];
}

/** Thrown when a graph fails: which mapping's node Salesforce refused; nothing of the set was kept. */
export type ChatSetFailure = SalesforceError & { mappingId?: string };

/** The mapping whose node made the set fail, when Salesforce named one. */
export const failedMappingOf = (error: unknown): string | undefined =>
  error instanceof SalesforceError ? (error as ChatSetFailure).mappingId : undefined;

// ---------------------------------------------------------------------------------------------
// Members from mappings
// ---------------------------------------------------------------------------------------------

/** What `chatSetMember` needs of a prepared record (server/mappings/prepareRecord.ts). */
export interface PreparedForSet {
  values: Record<string, SalesforceValue>;
  lookups: LookupSpec[];
  chatRecords?: { field: string; object: string }[];
  conversation?: { as: ConversationLogKind; subject: string; text: string };
}

/** Each field's update rule: the entry's own, else `defaultUpdateRule`. */
export function updateRulesOf(mapping: Pick<Mapping, 'fields'>): Record<string, UpdateRule> {
  return Object.fromEntries(mapping.fields.map((f) => [f.field, f.updateRule ?? defaultUpdateRule(f.field)]));
}

/** Values of the searchable fields that have one. */
export function searchableValues(
  mapping: Pick<Mapping, 'searchableFields'>,
  values: Record<string, unknown>,
): FieldEquals[] {
  return mapping.searchableFields
    .filter((field) => typeof values[field] === 'string' && values[field] !== '')
    .map((field) => ({ field, value: String(values[field]) }));
}

/**
 * A set member from a mapping and its prepared record. `fieldsOf(object)` names the fields of an
 * object the skip checks search (from its describe): a searchable field the other object lacks is
 * left out of its check, never sent in a query Salesforce would refuse.
 */
export function chatSetMember(input: {
  mappingId: string;
  objectLabel: string;
  mapping: Mapping;
  prepared: PreparedForSet;
  fieldsOf?: (objectName: string) => ReadonlySet<string> | undefined;
  recover?: ChatSetMember['recover'];
}): ChatSetMember {
  const { mapping, prepared } = input;
  const searchable = searchableValues(mapping, prepared.values);
  const kind = kindOf(mapping);
  return {
    mappingId: input.mappingId,
    objectName: mapping.objectName,
    objectLabel: input.objectLabel,
    kind,
    ...(mapping.logAs ? { logAs: mapping.logAs } : {}),
    ...(kind === 'conversation' && prepared.conversation ? { conversation: prepared.conversation } : {}),
    values: prepared.values,
    lookups: prepared.lookups,
    chatRecords: prepared.chatRecords ?? [],
    searchable: kind === 'record' ? searchable : [],
    duplicatePolicy: mapping.duplicatePolicy,
    updateRules: updateRulesOf(mapping),
    skipIfFound: (mapping.skipIfExistsAs ?? []).flatMap((objectName) => {
      const fields = input.fieldsOf?.(objectName);
      const match = searchable.filter((s) => !fields || fields.has(s.field));
      return match.length ? [{ objectName, match }] : [];
    }),
    autoAssign: mapping.autoAssign,
    ...(input.recover?.match.length ? { recover: input.recover } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Call 1: the reads
// ---------------------------------------------------------------------------------------------

/** One condition of an object's query: any of `match` equal, and created since `since` when set. */
interface Condition {
  match: FieldEquals[];
  since?: Date;
}

const soqlDateTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

const conditionSoql = (c: Condition) => {
  const any = c.match.map((m) => `${m.field} = ${soqlString(m.value)}`).join(' OR ');
  return c.since ? `((${any}) AND CreatedDate >= ${soqlDateTime(c.since)})` : `(${any})`;
};

/** How the conversation is written: a Note when asked, or when its Description is too long for a Task. */
export function conversationObject(
  member: Pick<ChatSetMember, 'logAs' | 'values' | 'conversation'>,
  taskDescriptionLength = TASK_DESCRIPTION_LENGTH,
): 'Task' | 'ContentNote' {
  if (member.conversation) return member.conversation.as === 'note' ? 'ContentNote' : 'Task';
  const description = member.values.Description;
  const tooLong = typeof description === 'string' && description.length > taskDescriptionLength;
  return member.logAs === 'note' || tooLong ? 'ContentNote' : 'Task';
}

/** The object a member writes: its own, or ContentNote for the conversation as a Note. */
const writtenObject = (member: ChatSetMember, limit?: number) =>
  member.kind === 'conversation' ? conversationObject(member, limit) : member.objectName;

/** A recovery search as the object written sees it: a Note is found by its Title (the Subject). */
function recoveryCondition(member: ChatSetMember, limit?: number): Condition | undefined {
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

/** Per object, the conditions and fields call 1 reads. */
function readsOf(req: ChatSetRequest): Map<string, { conditions: Condition[]; fields: Set<string> }> {
  const reads = new Map<string, { conditions: Condition[]; fields: Set<string> }>();
  const add = (objectName: string, condition: Condition | undefined, fields: string[] = []) => {
    if (!condition?.match.length) return;
    let read = reads.get(objectName);
    if (!read) {
      read = { conditions: [], fields: new Set(['Id', 'CreatedDate']) };
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
function readSoql(objectName: string, read: { conditions: Condition[]; fields: Set<string> }): string {
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

// ---------------------------------------------------------------------------------------------
// The plan (pure)
// ---------------------------------------------------------------------------------------------

const same = (a: unknown, b: string) =>
  typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean'
    ? String(a).trim().toLowerCase() === b.trim().toLowerCase()
    : false;

const matches = (record: Record<string, unknown>, c: Condition) =>
  c.match.some((m) => same(record[m.field], m.value)) &&
  (!c.since || new Date(String(record.CreatedDate)).getTime() >= c.since.getTime() - 1000);

const firstMatch = (reads: ChatSetReads, objectName: string, c: Condition | undefined) =>
  c?.match.length ? reads.records.get(objectName)?.find((r) => matches(r, c)) : undefined;

const isBlank = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const sameValue = (found: unknown, value: SalesforceValue) =>
  Array.isArray(value)
    ? typeof found === 'string' && found.split(';').sort().join(';') === [...value].sort().join(';')
    : String(found ?? '') === String(value ?? '');

/** The members in reference order: each after the members whose records it names; a cycle is refused. */
function inReferenceOrder(members: ChatSetMember[]): ChatSetMember[] {
  const byObject = new Map(members.filter((m) => m.kind === 'record').map((m) => [m.objectName, m]));
  const ordered: ChatSetMember[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (member: ChatSetMember, path: string[]) => {
    const at = state.get(member.mappingId);
    if (at === 'done') return;
    if (at === 'visiting')
      throw new SalesforceError(
        'rejected',
        `The chat's records refer to each other in a cycle (${[...path, member.objectName].join(' → ')}); change one of the references in the settings.`,
        'INVALID_GRAPH',
      );
    state.set(member.mappingId, 'visiting');
    for (const ref of member.chatRecords) {
      const target = byObject.get(ref.object);
      if (target && target !== member) visit(target, [...path, member.objectName]);
    }
    state.set(member.mappingId, 'done');
    ordered.push(member);
  };
  // Records first, the conversation (which names them) last.
  for (const member of [...members].sort(
    (a, b) => Number(a.kind === 'conversation') - Number(b.kind === 'conversation'),
  ))
    visit(member, []);
  return ordered;
}

const refOf = (index: number, objectName: string) => `r${index}_${objectName}`.slice(0, 80);

/** A ContentNote's Title: the Subject, within Title's 255 characters. */
const noteTitle = (subject: string) => subject.slice(0, 255);

/**
 * A ContentNote's `Content`: the text as HTML, its special characters escaped, a paragraph per line
 * (Salesforce strips new lines), base64-encoded ("Any special characters within plain text in the
 * Content field must be escaped"; "it must be base64 encoded (for upload)", ContentNote).
 */
export function noteContent(text: string): string {
  const escape = (line: string) =>
    line
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Control characters other than tab cannot be saved in a note.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const html = text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '<br>' : `<p>${escape(line)}</p>`))
    .join('');
  return Buffer.from(html, 'utf8').toString('base64');
}

const DUPLICATE_HEADER = 'allowSave=false; includeRecordDetails=false; runAsCurrentUser=true';

/** Headers of a create: assignment rules as the mapping says (absent means TRUE), duplicate rules blocking. */
const createHeaders = (autoAssign: boolean) => ({
  'Sforce-Auto-Assign': autoAssign ? 'TRUE' : 'FALSE',
  'Sforce-Duplicate-Rule-Header': DUPLICATE_HEADER,
});

/** An update never runs assignment rules: the owner of a record found is never changed by default. */
const UPDATE_HEADERS = { 'Sforce-Auto-Assign': 'FALSE' };

/** The nodes that log a conversation: a Task, or a ContentNote and a ContentDocumentLink per record. */
function conversationNodes(
  client: Pick<SalesforceClient, 'dataPath'>,
  ref: string,
  objectName: 'Task' | 'ContentNote',
  values: Record<string, SalesforceValue>,
  /** The records the Task names (WhoId, WhatId), literal ids or `@{ref.id}`. */
  linked: string[],
  autoAssign: boolean,
  /** The Note's title and text, when prepared apart from the values. */
  note?: { subject: string; text: string },
): CompositeSubrequest[] {
  if (objectName === 'Task')
    return [
      {
        method: 'POST',
        url: client.dataPath('/sobjects/Task'),
        referenceId: ref,
        body: values,
        httpHeaders: createHeaders(autoAssign),
      },
    ];
  const subject =
    note?.subject ||
    (typeof values.Subject === 'string' && values.Subject ? values.Subject : 'LiveChat chat');
  const description = note?.text ?? (typeof values.Description === 'string' ? values.Description : '');
  return [
    {
      method: 'POST',
      url: client.dataPath('/sobjects/ContentNote'),
      referenceId: ref,
      body: { Title: noteTitle(subject), Content: noteContent(description) },
    },
    ...[...new Set(linked)].map((id, n) => ({
      method: 'POST' as const,
      url: client.dataPath('/sobjects/ContentDocumentLink'),
      referenceId: `${ref}_link${n}`,
      // V: viewers of the record may view the note (ContentDocumentLink.ShareType).
      body: { ContentDocumentId: `@{${ref}.id}`, LinkedEntityId: id, ShareType: 'V' },
    })),
  ];
}

/**
 * What the set does, from what call 1 read: per mapping skipped (found as another object), linked
 * (found; a converted Lead gives its Contact), updated (only the fields whose rule says so) or
 * created; and the one graph that writes it. Pure: the widget shows it as the chat's set.
 */
export function chatSetPlan(
  client: Pick<SalesforceClient, 'dataPath'>,
  req: ChatSetRequest,
  reads: ChatSetReads,
  /** Members already decided (a duplicate Salesforce pointed at on an earlier graph). */
  decided: ReadonlyMap<string, { id: string; objectName: string; outcome: 'linked' | 'skipped' }> = new Map(),
): ChatSetPlan {
  const limit = req.taskDescriptionLength;
  const recordOf = new Map<string, string>(); // mapping object → literal id or `@{ref.id}`
  // A record found as another object (a skipped Lead's Contact, a converted Lead's): a reference
  // to that object takes it when the set has no record of that object's own mapping.
  const foundAs = new Map<string, string>();
  const recordFor = (object: string) => recordOf.get(object) ?? foundAs.get(object);
  for (const s of req.settled) {
    recordOf.set(s.mappingObject, s.id);
    if (s.objectName !== s.mappingObject && !foundAs.has(s.objectName)) foundAs.set(s.objectName, s.id);
  }
  const steps: PlannedStep[] = [];
  const nodes: CompositeSubrequest[] = [];
  const ordered = inReferenceOrder(req.members);

  ordered.forEach((member, index) => {
    const objectName = writtenObject(member, limit);
    const lookupIds: Record<string, SalesforceValue> = {};
    const unmatched: string[] = [];
    for (const lookup of member.lookups) {
      const hit = firstMatch(reads, lookup.object, {
        match: [{ field: lookup.matchField, value: lookup.value }],
      });
      if (hit) lookupIds[lookup.field] = String(hit.Id);
      else unmatched.push(lookup.field);
    }
    const references: Record<string, SalesforceValue> = {};
    for (const r of member.chatRecords) {
      const target = recordFor(r.object);
      if (target) references[r.field] = target;
    }
    const step = (s: Omit<PlannedStep, 'mappingId' | 'unmatched'>) => {
      steps.push({ mappingId: member.mappingId, unmatched, ...s });
      if (s.id) {
        recordOf.set(member.objectName, s.id);
        if (s.objectName !== member.objectName && !foundAs.has(s.objectName)) foundAs.set(s.objectName, s.id);
      } else if (s.referenceId) recordOf.set(member.objectName, `@{${s.referenceId}.id}`);
    };

    const already = decided.get(member.mappingId);
    if (already) {
      step({
        action: already.outcome === 'linked' ? 'link' : 'skip',
        id: already.id,
        objectName: already.objectName,
        reason: 'duplicateRule',
        fields: {},
      });
      return;
    }
    const recovered = firstMatch(reads, objectName, recoveryCondition(member, limit));
    if (recovered) {
      step({ action: 'recovered', id: String(recovered.Id), objectName, reason: 'recovered', fields: {} });
      return;
    }
    for (const skip of member.skipIfFound) {
      const found = firstMatch(reads, skip.objectName, { match: skip.match });
      if (found) {
        step({
          action: 'skip',
          id: String(found.Id),
          objectName: skip.objectName,
          reason: 'existsAs',
          fields: {},
        });
        return;
      }
    }
    const values = { ...member.values, ...lookupIds, ...references };
    if (member.kind === 'record' && member.duplicatePolicy !== 'create' && member.searchable.length) {
      const candidates = (reads.records.get(member.objectName) ?? []).filter((r) =>
        matches(r, { match: member.searchable }),
      );
      // A Lead not yet converted is the visitor's open record; a converted one leads to its Contact.
      const found = candidates.find((r) => r.IsConverted !== true) ?? candidates[0];
      if (found) {
        if (member.objectName === 'Lead' && found.IsConverted === true) {
          const contact = found.ConvertedContactId ?? found.ConvertedAccountId;
          step({
            action: 'link',
            id: String(contact ?? found.Id),
            objectName: found.ConvertedContactId ? 'Contact' : found.ConvertedAccountId ? 'Account' : 'Lead',
            reason: 'converted',
            fields: {},
          });
          return;
        }
        const id = String(found.Id);
        const changes: Record<string, SalesforceValue> = {};
        if (member.duplicatePolicy === 'update') {
          for (const [field, value] of Object.entries(values)) {
            const rule = member.updateRules[field] ?? defaultUpdateRule(field);
            if (value === null || value === undefined || rule === 'never') continue;
            if (typeof value === 'string' && value.startsWith('@{')) {
              // A record created in this graph: the record found can only have had another one.
              if (rule === 'overwrite' || isBlank(found[field])) changes[field] = value;
              continue;
            }
            if (rule === 'fillIfBlank' ? isBlank(found[field]) : !sameValue(found[field], value))
              changes[field] = value;
          }
        }
        if (Object.keys(changes).length === 0) {
          step({ action: 'link', id, objectName: member.objectName, reason: 'found', fields: {} });
          return;
        }
        const referenceId = refOf(index, member.objectName);
        nodes.push({
          method: 'PATCH',
          url: client.dataPath(`/sobjects/${member.objectName}/${id}`),
          referenceId,
          body: changes,
          httpHeaders: UPDATE_HEADERS,
        });
        step({
          action: 'update',
          id,
          objectName: member.objectName,
          reason: 'found',
          fields: changes,
          referenceId,
        });
        return;
      }
    }
    const referenceId = refOf(index, objectName);
    if (member.kind === 'conversation') {
      const linked = ['WhoId', 'WhatId'].flatMap((f) =>
        typeof values[f] === 'string' && values[f] ? [String(values[f])] : [],
      );
      const logObject = conversationObject(member, limit);
      const note = member.conversation ?? {
        subject: typeof values.Subject === 'string' ? values.Subject : '',
        text: typeof values.Description === 'string' ? values.Description : '',
      };
      const written = logObject === 'Task' ? values : { Title: noteTitle(note.subject), Content: note.text };
      nodes.push(
        ...conversationNodes(client, referenceId, logObject, values, linked, member.autoAssign, note),
      );
      step({ action: 'create', objectName, fields: written, referenceId });
      return;
    }
    nodes.push({
      method: 'POST',
      url: client.dataPath(`/sobjects/${member.objectName}`),
      referenceId,
      body: values,
      httpHeaders: createHeaders(member.autoAssign),
    });
    step({ action: 'create', objectName, fields: values, referenceId });
  });
  return { steps, nodes };
}

// ---------------------------------------------------------------------------------------------
// Call 2: the graph
// ---------------------------------------------------------------------------------------------

interface GraphAnswer {
  graphs: {
    graphId: string;
    graphResponse?: { compositeResponse?: CompositeSubresponse[] };
    isSuccessful: boolean;
  }[];
}

/** One composite graph call with one graph: every node kept, or none. Answers by referenceId. */
async function runGraph(
  client: SalesforceClient,
  nodes: CompositeSubrequest[],
): Promise<{ ok: boolean; answers: Map<string, CompositeSubresponse> }> {
  if (nodes.length > GRAPH_NODE_LIMIT)
    throw new SalesforceError(
      'rejected',
      `A chat's set can write at most ${GRAPH_NODE_LIMIT} records at once; this one has ${nodes.length}.`,
      'LIMIT_EXCEEDED',
    );
  const res = await client.request<GraphAnswer>({
    method: 'POST',
    path: '/composite/graph',
    body: { graphs: [{ graphId: 'chat', compositeRequest: nodes }] },
  });
  const graph = res.graphs?.[0];
  const answers = new Map((graph?.graphResponse?.compositeResponse ?? []).map((r) => [r.referenceId, r]));
  return { ok: graph?.isSuccessful === true, answers };
}

/** The node that made a graph fail: its own error, where the others say PROCESSING_HALTED. */
function failedNode(nodes: CompositeSubrequest[], answers: Map<string, CompositeSubresponse>) {
  const failed = nodes
    .map((n) => answers.get(n.referenceId))
    .filter((a): a is CompositeSubresponse => !!a && a.httpStatusCode >= 400);
  return (
    failed.find((a) => subresponseErrors(a).some((e) => e.errorCode !== 'PROCESSING_HALTED')) ?? failed[0]
  );
}

const createdId = (answer: CompositeSubresponse | undefined) =>
  answer && answer.httpStatusCode < 300 ? (answer.body as { id?: string } | null)?.id : undefined;

/**
 * Writes a chat's set: call 1 when something must be read, call 2 when something must be written.
 * A node refused as DUPLICATES_DETECTED links its mapping to the record the org's duplicate rule
 * found (skipped for a `create` mapping, as a single record is) and the graph runs again without
 * it. Any other refusal throws a SalesforceError naming the mapping (`failedMappingOf`); nothing
 * of the set is kept. A set of one record that needs no reads but its own keeps the single-record
 * economy (recordWriter): lookups and the create in one call.
 */
export async function writeChatSet(client: SalesforceClient, req: ChatSetRequest): Promise<ChatSetResult> {
  const single = singleRecord(req);
  if (single) return single(client);

  const reads: ChatSetReads = chatSetNeedsReads(req)
    ? await readChatSet(client, req)
    : { records: new Map(), calls: 0 };
  let calls = reads.calls;
  const decided = new Map<string, { id: string; objectName: string; outcome: 'linked' | 'skipped' }>();
  for (let attempt = 0; ; attempt++) {
    const plan = chatSetPlan(client, req, reads, decided);
    let created = new Map<string, CompositeSubresponse>();
    if (plan.nodes.length) {
      calls += 1;
      const graph = await runGraph(client, plan.nodes);
      if (!graph.ok) {
        const answer = failedNode(plan.nodes, graph.answers);
        const failure = subresponseFailure(answer, answer?.referenceId ?? 'graph');
        const step = plan.steps.find(
          (s) =>
            s.referenceId &&
            answer &&
            (answer.referenceId === s.referenceId || answer.referenceId.startsWith(`${s.referenceId}_`)),
        );
        const member = step && req.members.find((m) => m.mappingId === step.mappingId);
        if (
          failure.duplicate &&
          member?.kind === 'record' &&
          step?.action === 'create' &&
          attempt < req.members.length
        ) {
          decided.set(member.mappingId, {
            id: failure.duplicate.id,
            objectName: failure.duplicate.objectName ?? member.objectName,
            outcome: member.duplicatePolicy === 'create' ? 'skipped' : 'linked',
          });
          continue;
        }
        throw Object.assign(failure, step ? { mappingId: step.mappingId } : {});
      }
      created = graph.answers;
    }
    return {
      calls,
      outcomes: plan.steps.map((s) => outcomeOf(s, created)),
    };
  }
}

function outcomeOf(step: PlannedStep, answers: Map<string, CompositeSubresponse>): ChatSetOutcome {
  const base = { mappingId: step.mappingId, objectName: step.objectName, unmatched: step.unmatched };
  const reason = step.reason ? { reason: step.reason } : {};
  switch (step.action) {
    case 'create':
      return {
        ...base,
        outcome: 'created',
        id: createdId(answers.get(step.referenceId!)) ?? null,
        updatedFields: [],
      };
    case 'recovered':
      return { ...base, ...reason, outcome: 'created', id: step.id!, updatedFields: [] };
    case 'update':
      return {
        ...base,
        ...reason,
        outcome: 'updated',
        id: step.id!,
        updatedFields: Object.keys(step.fields),
      };
    case 'link':
      return { ...base, ...reason, outcome: 'linked', id: step.id!, updatedFields: [] };
    case 'skip':
      return { ...base, ...reason, outcome: 'skipped', id: step.id ?? null, updatedFields: [] };
  }
}

/**
 * A set of one record mapping that only creates or links, with nothing settled, no references and
 * no skip check: written as issue 17 does (recordWriter), in one call where it can.
 */
function singleRecord(
  req: ChatSetRequest,
): ((client: SalesforceClient) => Promise<ChatSetResult>) | undefined {
  const [member, ...rest] = req.members;
  if (!member || rest.length || req.settled.length) return undefined;
  if (member.kind !== 'record' || member.duplicatePolicy === 'update') return undefined;
  if (member.skipIfFound.length || member.chatRecords.length) return undefined;
  const linking = member.duplicatePolicy === 'link' && member.searchable.length > 0;
  return async (client) => {
    try {
      const result = await writeRecord(client, {
        objectName: member.objectName,
        values: member.values,
        lookups: member.lookups,
        autoAssign: member.autoAssign,
        ...(linking ? (req.linkOnDuplicate ? { linkOnDuplicate: true } : { linkTo: member.searchable }) : {}),
        ...(member.recover?.match.length ? { recover: member.recover } : {}),
      });
      const linkedByRules =
        result.outcome !== 'created' && (req.linkOnDuplicate || result.outcome === 'skipped');
      return {
        calls: result.calls,
        outcomes: [
          {
            mappingId: member.mappingId,
            outcome: result.outcome,
            id: result.id,
            objectName: result.objectName,
            ...(linkedByRules
              ? { reason: 'duplicateRule' as const }
              : result.outcome === 'linked'
                ? { reason: 'found' as const }
                : {}),
            updatedFields: [],
            unmatched: result.unmatched,
          },
        ],
      };
    } catch (error) {
      throw error instanceof SalesforceError ? Object.assign(error, { mappingId: member.mappingId }) : error;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The conversation, on its own (the widget)
// ---------------------------------------------------------------------------------------------

export interface ConversationLog {
  /** The Task's Subject, or the Note's Title. */
  subject: string;
  /** The readable transcript: the Task's Description, or the Note's content. */
  description: string;
  /** `note`: always a Note; `task`: a completed Task, a Note when the transcript is too long. */
  logAs: ConversationLogKind;
  /** The Task's other values (Status, ActivityDate, OwnerId…); a Note takes none. */
  values?: Record<string, SalesforceValue>;
  /** The records it is logged on: a Task names the first Lead or Contact (WhoId) and the first other record (WhatId); a Note is linked to each. */
  records: { id: string; objectName: string }[];
  taskDescriptionLength?: number;
  autoAssign?: boolean;
}

/**
 * Logs one chat's conversation on given records in one call (a composite graph: a Note and its
 * links are kept together or not at all). For the widget's "attach this chat's transcript".
 */
export async function logConversation(
  client: SalesforceClient,
  log: ConversationLog,
): Promise<{ objectName: 'Task' | 'ContentNote'; id: string; calls: number }> {
  const values: Record<string, SalesforceValue> = {
    Status: 'Completed',
    ...log.values,
    Subject: log.subject,
    Description: log.description,
  };
  const objectName = conversationObject({ logAs: log.logAs, values }, log.taskDescriptionLength);
  const who = log.records.find((r) => WHO_OBJECTS.has(r.objectName));
  const what = log.records.find((r) => !WHO_OBJECTS.has(r.objectName) && r.objectName !== 'User');
  if (objectName === 'Task') {
    if (who) values.WhoId = who.id;
    if (what) values.WhatId = what.id;
  }
  const nodes = conversationNodes(
    client,
    'conversation',
    objectName,
    values,
    log.records.map((r) => r.id),
    log.autoAssign ?? false,
  );
  const graph = await runGraph(client, nodes);
  if (!graph.ok) {
    const answer = failedNode(nodes, graph.answers);
    throw subresponseFailure(answer, answer?.referenceId ?? 'conversation');
  }
  const id = createdId(graph.answers.get('conversation'));
  if (!id)
    throw new SalesforceError('unavailable', 'Salesforce answered the conversation log without an id.');
  return { objectName, id, calls: 1 };
}

/** Subrequests in one composite call at most (for callers that batch reads). */
export const CHAT_SET_COMPOSITE_LIMIT = COMPOSITE_LIMIT;
export type { LookupFound };
