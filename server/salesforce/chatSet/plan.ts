/**
 * The plan (pure): from what call 1 read, what the set does per mapping, and the one composite graph
 * that writes it (Composite Graph,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_graph.htm:
 * nodes only on `sobjects/{object}` (POST) and `sobjects/{object}/{id}` (PATCH…)).
 */
import type { SalesforceValue } from '../../../src/mapping/convertValue';
import { defaultUpdateRule } from '../../../src/mapping/mapping';
import type { CompositeSubrequest } from '../composite';
import type { SalesforceClient } from '../salesforce.client';
import { SalesforceError } from '../salesforceError';
import { firstMatch, matches } from './conditions';
import { conversationNodes, conversationObject, noteTitle, taskValues, writtenObject } from './conversation';
import { createHeaders, UPDATE_HEADERS } from './headers';
import { recoveryCondition } from './reads';
import type {
  ChatSetMember,
  ChatSetPlan,
  ChatSetReads,
  ChatSetRequest,
  DecidedMembers,
  PlannedStep,
} from './types';

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
    // A mapping skipped when the visitor is another object comes after that object's mapping, whose
    // record then decides it; two mappings skipping for each other are no cycle: the first one written wins.
    for (const skip of member.skipIfFound) {
      const target = byObject.get(skip.objectName);
      if (target && target !== member && state.get(target.mappingId) !== 'visiting')
        visit(target, [...path, member.objectName]);
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

/** A node's referenceId: its place in the set and its object. */
const refOf = (index: number, objectName: string) => `r${index}_${objectName}`.slice(0, 80);

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
  decided: DecidedMembers = new Map(),
): ChatSetPlan {
  const limit = req.taskDescriptionLength;
  const recordOf = new Map<string, string>(); // mapping object → literal id or `@{ref.id}`
  // A record found as another object (a skipped Lead's Contact, a converted Lead's): a reference
  // to that object takes it when the set has no record of that object's own mapping.
  const foundAs = new Map<string, string>();
  // Literal id or `@{ref.id}` → the object of that record (a Task's WhoId may not name a Lead with a WhatId).
  const objectOfRecord = new Map<string, string>();
  const recordFor = (object: string) => recordOf.get(object) ?? foundAs.get(object);
  for (const s of req.settled) {
    recordOf.set(s.mappingObject, s.id);
    objectOfRecord.set(s.id, s.objectName);
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
        objectOfRecord.set(s.id, s.objectName);
        if (s.objectName !== member.objectName && !foundAs.has(s.objectName)) foundAs.set(s.objectName, s.id);
      } else if (s.referenceId) {
        recordOf.set(member.objectName, `@{${s.referenceId}.id}`);
        objectOfRecord.set(`@{${s.referenceId}.id}`, s.objectName);
      }
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
    // Not in Salesforce yet, but the same set finds or makes it (or an agent made it during the chat).
    const madeInSet = member.skipIfFound.find((skip) => recordFor(skip.objectName));
    if (madeInSet) {
      const record = recordFor(madeInSet.objectName)!;
      step({
        action: 'skip',
        ...(record.startsWith('@{') ? {} : { id: record }),
        objectName: madeInSet.objectName,
        reason: 'inSet',
        fields: {},
      });
      return;
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
      const task = taskValues(values, (id) => objectOfRecord.get(id));
      const written = logObject === 'Task' ? task : { Title: noteTitle(note.subject), Content: note.text };
      nodes.push(...conversationNodes(client, referenceId, logObject, task, linked, member.autoAssign, note));
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
