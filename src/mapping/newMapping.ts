import {
  activePicklistValues,
  findField,
  hasAssignmentRules,
  isRequiredOnCreate,
  requiredFields,
  type ObjectMetadata,
} from '../salesforce/objectMetadata';
import { kindOf, type FieldMapping, type Mapping } from './mapping';

/**
 * A new mapping of an object, its required fields preloaded as empty static entries for the owner to fill
 * in (until then `validateMapping` reports them). Automation off, always create, and assignment rules on
 * for the objects that have them (Leads, Cases).
 */
export function newMapping(meta: ObjectMetadata): Mapping {
  return {
    objectName: meta.name,
    fields: requiredFields(meta).map((field) => ({ entryType: 'static', field: field.name, value: null })),
    searchableFields: [],
    automation: false,
    duplicatePolicy: 'create',
    autoAssign: hasAssignmentRules(meta.name),
  };
}

/** The Task status a logged conversation gets: Completed, or the org's value that reads closed. */
function closedTaskStatus(taskMeta: ObjectMetadata): string {
  const values = findField(taskMeta, 'Status') ? activePicklistValues(findField(taskMeta, 'Status')!) : [];
  const named = (pattern: RegExp) => values.find((v) => pattern.test(v.value))?.value;
  return named(/^completed$/i) ?? named(/complete|closed|done|finished/i) ?? 'Completed';
}

/**
 * The conversation log a new account is offered: a completed Task whose Subject names the visitor and
 * the chat, whose Description is the readable conversation, due the day the chat ended, and linked to
 * the chat's records of the account's mappings: WhoId the Contact (else the Lead), WhatId the Case (else
 * the Opportunity, else the Account), each when it is mapped. Fields Task does not have are left out.
 */
export function newConversationMapping(taskMeta: ObjectMetadata, siblings: readonly Mapping[]): Mapping {
  const mapped = (object: string) => siblings.some((m) => kindOf(m) === 'record' && m.objectName === object);
  const chatRecord = (field: string, candidates: string[]): FieldMapping[] => {
    const refersTo = findField(taskMeta, field)?.referenceTo ?? [];
    const object = candidates.find((c) => mapped(c) && refersTo.includes(c));
    return object ? [{ entryType: 'chatRecord', field, object }] : [];
  };
  const fields: FieldMapping[] = [
    { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
    { entryType: 'dynamic', field: 'Description', source: 'chat.conversation' },
    { entryType: 'static', field: 'Status', value: closedTaskStatus(taskMeta) },
    { entryType: 'dynamic', field: 'ActivityDate', source: 'chat.endedAt' },
    ...chatRecord('WhoId', ['Contact', 'Lead']),
    ...chatRecord('WhatId', ['Case', 'Opportunity', 'Account']),
  ];
  return {
    objectName: 'Task',
    kind: 'conversation',
    logAs: 'task',
    fields: fields.filter((f) => findField(taskMeta, f.field)),
    searchableFields: [],
    automation: false,
    duplicatePolicy: 'create',
    autoAssign: false,
  };
}

/** Required fields stay in a mapping; every other field may be removed. */
export function canRemoveField(meta: ObjectMetadata, fieldName: string): boolean {
  const field = findField(meta, fieldName);
  return field === undefined || !isRequiredOnCreate(field);
}

/**
 * The mapping as it is saved: optional fields the owner left empty (a static entry with no value)
 * are not mapped fields, so they are dropped, and so is a searchable field that went with them.
 * Required fields stay, empty or not (validation says what they need).
 */
export function withoutEmptyOptionalFields(mapping: Mapping, meta: ObjectMetadata): Mapping {
  const empty = (entry: Mapping['fields'][number]) =>
    entry.entryType === 'static' &&
    (entry.value === null || entry.value === '') &&
    canRemoveField(meta, entry.field);
  const fields = mapping.fields.filter((entry) => !empty(entry));
  const kept = new Set(fields.map((entry) => entry.field));
  return { ...mapping, fields, searchableFields: mapping.searchableFields.filter((name) => kept.has(name)) };
}
