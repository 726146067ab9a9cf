/**
 * Object-specific save rules, run by `write.ts` around every create, update and delete: converted
 * Leads, record types and their picklist values, Task links, notes and their links.
 */
import { SalesforceError } from '../errors';
import { formatDateTime } from '../format';
import { normaliseId } from '../ids';
import { findField } from '../metadata/define';
import {
  MASTER_RECORD_TYPE_ID,
  defaultFor,
  defaultRecordType,
  findRecordType,
  hasRecordTypes,
  valuesFor,
} from '../metadata/record-types';
import type { FieldDef, ObjectDef, RecordTypeDef } from '../metadata/types';
import { objectForId } from '../org';
import type { Org } from '../org';
import { deleteDocument, deriveNote, duplicateLink, linksOf, noteHtml, syncDocument } from './notes';
import type { FieldValue, SfRecord } from './store';

/** What a rule needs of the write (the same fields as `WriteContext`). */
export interface RuleContext {
  org: Org;
  userId: string;
  now: Date;
  version: string;
}

const fail = (errorCode: string, message: string, fields: string[]) =>
  new SalesforceError(400, [{ message, errorCode, fields }]);

/**
 * A converted Lead cannot be updated, nor referenced by a new link (a Task's WhoId, a lookup):
 * `CANNOT_UPDATE_CONVERTED_LEAD` ("A converted lead could not be updated", StatusCode in the SOAP API
 * Developer Guide's core data objects), with the message "cannot reference converted lead" that
 * Marketo's Salesforce sync error reference quotes for an activity logged on a converted lead.
 */
const convertedLead = (fields: string[]) =>
  fail('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', fields);

/** "Record Type ID: this ID value isn't valid for the user: 012…" (the refusal of a type the user may not use). */
const invalidRecordType = (value: string) =>
  fail('INVALID_CROSS_REFERENCE_KEY', `Record Type ID: this ID value isn't valid for the user: ${value}`, [
    'RecordTypeId',
  ]);

function valueOf(values: Map<FieldDef, FieldValue>, name: string): FieldValue | undefined {
  for (const [field, value] of values) if (field.name === name) return value;
  return undefined;
}

/** Before the values are checked: refusals that do not depend on the other fields. */
export function beforeValues(
  ctx: RuleContext,
  object: ObjectDef,
  values: Map<FieldDef, FieldValue>,
  current: SfRecord | undefined,
): void {
  if (object.name === 'Lead' && current?.IsConverted === true) throw convertedLead([]);
  const recordTypeId = valueOf(values, 'RecordTypeId');
  if (typeof recordTypeId === 'string' && hasRecordTypes(object)) {
    // The master is not available once an object has record types of its own; a type of another
    // object, an inactive one or one the user may not use is refused alike.
    const recordType = findRecordType(object, recordTypeId);
    if (normaliseId(recordTypeId) === MASTER_RECORD_TYPE_ID || !recordType?.active || !recordType.available) {
      throw invalidRecordType(recordTypeId);
    }
  }
}

function recordTypeOf(object: ObjectDef, record: SfRecord): RecordTypeDef | undefined {
  const id = record.RecordTypeId;
  return typeof id === 'string' ? findRecordType(object, id) : undefined;
}

/**
 * A record type offers some of a picklist's values. The API holds a restricted picklist to them
 * (a value not selected for the record type is a "bad value for restricted picklist field",
 * https://acesalesforce.com/bad-value-for-restricted-picklist-field/), while an unrestricted one
 * takes any value ("The API does not enforce the list of values for advisory (unrestricted)
 * picklist fields", `restrictedPicklist` of DescribeSObjectResult's Field, SOAP API Developer Guide).
 */
function checkRecordTypeValues(object: ObjectDef, record: SfRecord, values: Map<FieldDef, FieldValue>): void {
  const recordType = recordTypeOf(object, record);
  if (!recordType) return;
  for (const [field, value] of values) {
    if (!field.restrictedPicklist || typeof value !== 'string' || value === '') continue;
    if (recordType.picklists[field.name]) checkRestrictedValue(field, value, recordType);
  }
}

/**
 * A restricted picklist's value (each one of a multi-select) must be an active value, one its
 * record type offers when given: else "<label>: bad value for restricted picklist field: <value>".
 */
export function checkRestrictedValue(field: FieldDef, value: string, recordType?: RecordTypeDef): void {
  const offered = new Set(valuesFor(field, recordType).map((p) => p.value));
  const chosen = field.type === 'multipicklist' ? value.split(';') : [value];
  const bad = chosen.find((v) => !offered.has(v));
  if (bad !== undefined) {
    throw fail(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${bad}`,
      [field.name],
    );
  }
}

/** A new record without `RecordTypeId` gets the default type, and that type's picklist defaults. */
function applyRecordTypeDefaults(
  object: ObjectDef,
  record: SfRecord,
  values: Map<FieldDef, FieldValue>,
): void {
  if (!hasRecordTypes(object)) return;
  if (record.RecordTypeId === null || record.RecordTypeId === undefined) {
    record.RecordTypeId = defaultRecordType(object)?.id ?? null;
  }
  const recordType = recordTypeOf(object, record);
  if (!recordType) return;
  const given = new Set([...values.keys()].map((f) => f.name));
  for (const name of Object.keys(recordType.picklists)) {
    const field = findField(object, name);
    if (!field || given.has(field.name)) continue;
    const fallback = defaultFor(field, recordType);
    if (fallback !== null || field.nillable) record[field.name] = fallback;
  }
}

/** Any lookup written to a converted Lead is refused (see `convertedLead`). */
function checkConvertedLeadReferences(org: Org, values: Map<FieldDef, FieldValue>): void {
  for (const [field, value] of values) {
    if (field.type !== 'reference' || typeof value !== 'string') continue;
    if (objectForId(org, value)?.name !== 'Lead') continue;
    if (org.store.get('Lead', value)?.IsConverted === true) throw convertedLead([field.name]);
  }
}

/**
 * "If the WhoId refers to a lead, then the WhatId field must be empty" (Task.WhoId, Object Reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm).
 * Refused as a WhatId of the wrong type is (FIELD_INTEGRITY_EXCEPTION, "Related To ID: id value of
 * incorrect type"); the docs do not give this refusal's own text.
 */
function checkActivityLinks(org: Org, object: ObjectDef, record: SfRecord): void {
  if (object.name !== 'Task') return;
  const who = record.WhoId;
  const what = record.WhatId;
  if (typeof who !== 'string' || typeof what !== 'string') return;
  if (objectForId(org, who)?.name !== 'Lead') return;
  throw fail('FIELD_INTEGRITY_EXCEPTION', `Related To ID: id value of incorrect type: ${what}`, ['WhatId']);
}

/** After the values are set on the record, before the generic required/unique/duplicate checks. */
export function beforeSave(
  ctx: RuleContext,
  object: ObjectDef,
  record: SfRecord,
  values: Map<FieldDef, FieldValue>,
  current: SfRecord | undefined,
  rawBody: string | undefined,
): void {
  if (!current) applyRecordTypeDefaults(object, record, values);
  checkRecordTypeValues(object, record, values);
  checkConvertedLeadReferences(ctx.org, values);
  checkActivityLinks(ctx.org, object, record);
  if (object.name === 'ContentNote') {
    const title = record.Title;
    if (typeof title === 'string' && title.trim() === '') record.Title = null;
    const content = valueOf(values, 'Content');
    const html = typeof content === 'string' ? noteHtml(content, rawBody) : content === null ? '' : undefined;
    deriveNote(record, html, ctx.version, ctx.now);
  }
  if (object.name === 'ContentDocumentLink' && !current) {
    const documentId = String(record.ContentDocumentId ?? '');
    const entityId = String(record.LinkedEntityId ?? '');
    if (linksOf(ctx.org, documentId).some((l) => l.LinkedEntityId === entityId)) {
      throw duplicateLink(documentId, entityId);
    }
  }
}

/** A system-made record of `objectName`, with its defaults and audit fields. */
function systemRecord(ctx: RuleContext, objectName: string, fields: SfRecord): SfRecord | undefined {
  const object = ctx.org.objects.get(objectName.toLowerCase());
  if (!object) return undefined;
  const record: SfRecord = {};
  for (const field of object.fields) record[field.name] = field.defaultValue;
  const now = formatDateTime(ctx.now);
  Object.assign(record, {
    Id: ctx.org.store.nextId(object.keyPrefix),
    IsDeleted: false,
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    CreatedById: ctx.userId,
    LastModifiedById: ctx.userId,
    ...fields,
  });
  ctx.org.store.insert(object.name, record);
  return record;
}

/**
 * After a record is stored. A new note gets its ContentDocument (same id) and is shared with its
 * owner (ShareType I), as a file is when it is created (ContentDocumentLink, Object Reference).
 */
export function afterSave(ctx: RuleContext, object: ObjectDef, record: SfRecord, isNew: boolean): void {
  if (object.name !== 'ContentNote') return;
  syncDocument(ctx.org, record);
  if (isNew && typeof record.OwnerId === 'string') {
    systemRecord(ctx, 'ContentDocumentLink', {
      ContentDocumentId: String(record.Id),
      LinkedEntityId: record.OwnerId,
      ShareType: 'I',
      Visibility: 'AllUsers',
    });
  }
}

/** After a record is deleted: deleting a note or its document deletes the file and its links. */
export function afterDelete(ctx: RuleContext, object: ObjectDef, id: string): void {
  if (object.name !== 'ContentNote' && object.name !== 'ContentDocument') return;
  const now = formatDateTime(ctx.now);
  deleteDocument(ctx.org, String(normaliseId(id)), {
    LastModifiedDate: now,
    SystemModstamp: now,
    LastModifiedById: ctx.userId,
  });
}
