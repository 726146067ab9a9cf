import { SalesforceError, badRequest, entityIsDeleted, invalidField, notFound } from '../errors';
import { formatDateTime } from '../format';
import { normaliseId } from '../ids';
import { findField } from '../metadata/define';
import type { FieldDef, ObjectDef } from '../metadata/types';
import { objectForId, objectOf } from '../org';
import type { Org } from '../org';
import { coerceValue } from './coerce';
import { deriveFields } from './derive';
import { findDuplicates, duplicatesDetected } from './duplicates';
import { afterDelete, afterSave, beforeSave, beforeValues, checkRestrictedValue } from './rules';
import type { FieldValue, SfRecord } from './store';

export interface WriteContext {
  org: Org;
  /** The running user (the session's user). */
  userId: string;
  now: Date;
  /** Request headers, lower-cased names. */
  headers: Record<string, string | undefined>;
  /** The API version of the request, for URLs in answers. */
  version: string;
}

const fail = (errorCode: string, message: string, fields: string[]) =>
  new SalesforceError(400, [{ message, errorCode, fields }]);

/** The object named in a URL; unknown objects are a 404 NOT_FOUND. */
export function requireObject(org: Org, name: string): ObjectDef {
  const object = objectOf(org, name);
  if (!object) throw notFound();
  return object;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a request body into typed field values, rejecting unknown and mistyped fields. */
function readBody(
  object: ObjectDef,
  body: unknown,
  rawBody: string | undefined,
  mode: 'create' | 'update',
): Map<FieldDef, FieldValue> {
  if (!isPlainObject(body)) {
    throw badRequest(
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${object.name} from ${Array.isArray(body) ? 'START_ARRAY' : 'VALUE_STRING'} value [line:1, column:1]`,
    );
  }
  const values = new Map<FieldDef, FieldValue>();
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    if (key.toLowerCase() === 'id') {
      if (mode === 'create') throw invalidField('The Id field should not be specified in the sobject data.');
      continue;
    }
    const field = findField(object, key);
    if (!field) throw invalidField(`No such column '${key}' on sobject of type ${object.name}`);
    values.set(field, coerceValue(field, value, rawBody));
  }
  const readOnly = [...values.keys()].filter((f) => (mode === 'create' ? !f.createable : !f.updateable));
  if (readOnly.length > 0) {
    const names = readOnly.map((f) => f.name);
    throw fail(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      names,
    );
  }
  return values;
}

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'combobox',
]);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkValue(org: Org, field: FieldDef, value: FieldValue): FieldValue {
  if (value === null) return null;
  if (TEXT_TYPES.has(field.type) && typeof value === 'string') {
    if (field.length > 0 && value.length > field.length) {
      throw fail(
        'STRING_TOO_LONG',
        `${field.label}: data value too large: ${value} (max length=${field.length})`,
        [field.name],
      );
    }
    if (field.type === 'email' && value !== '' && !EMAIL_PATTERN.test(value)) {
      throw fail('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [field.name]);
    }
    if (
      (field.type === 'picklist' || field.type === 'multipicklist') &&
      field.restrictedPicklist &&
      value !== ''
    ) {
      checkRestrictedValue(field, value);
    }
    return value === '' ? null : value;
  }
  if (typeof value === 'number' && field.type !== 'int' && field.precision > 0) {
    const integerDigits = field.precision - field.scale;
    if (Math.abs(Math.trunc(value)) >= 10 ** integerDigits) {
      throw fail(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${value}`,
        [field.name],
      );
    }
    const factor = 10 ** field.scale;
    return Math.round(value * factor) / factor;
  }
  if (field.type === 'reference' && typeof value === 'string') {
    const id = normaliseId(value);
    if (!id) throw fail('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
    const target = objectForId(org, id);
    if (!target || !field.referenceTo.includes(target.name)) {
      throw fail('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [
        field.name,
      ]);
    }
    const record = org.store.get(target.name, id);
    if (!record || record.IsDeleted === true) {
      throw fail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
    }
    return id;
  }
  return value;
}

function checkRequired(object: ObjectDef, record: SfRecord): void {
  const missing = object.fields.filter(
    (f) => f.createable && !f.nillable && !f.system && (record[f.name] === null || record[f.name] === ''),
  );
  if (missing.length > 0) {
    const names = missing.map((f) => f.name);
    throw fail('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
  }
}

function checkUnique(org: Org, object: ObjectDef, record: SfRecord): void {
  for (const field of object.fields) {
    const value = record[field.name];
    if (!field.unique || typeof value !== 'string') continue;
    const same = (v: FieldValue) =>
      typeof v === 'string' && (field.caseSensitive ? v === value : v.toLowerCase() === value.toLowerCase());
    const clash = org.store
      .all(object.name)
      .find((other) => other.Id !== record.Id && same(other[field.name] ?? null));
    if (clash) {
      throw fail(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${String(clash.Id)}`,
        [],
      );
    }
  }
}

/** True when the request asks to save despite an alert-only duplicate rule. */
function allowsDuplicates(headers: Record<string, string | undefined>): boolean {
  const header = headers['sforce-duplicate-rule-header'];
  return header !== undefined && /allowSave\s*=\s*true/i.test(header);
}

function checkRules(ctx: WriteContext, object: ObjectDef, record: SfRecord): void {
  checkRequired(object, record);
  checkUnique(ctx.org, object, record);
  if (object.name === 'Lead' || object.name === 'Contact') {
    const action = ctx.org.settings.duplicateRules[object.name];
    if (action === 'off') return;
    const matches = findDuplicates(ctx.org, object.name, record);
    if (matches.length > 0 && !(action === 'alert' && allowsDuplicates(ctx.headers))) {
      throw duplicatesDetected(object.name, matches, action === 'alert', ctx.version);
    }
  }
}

/** Applies the Lead or Case assignment rule unless `Sforce-Auto-Assign: FALSE`. */
function assignOwner(ctx: WriteContext, object: ObjectDef, record: SfRecord): void {
  const header = ctx.headers['sforce-auto-assign'];
  if (header !== undefined && /^false$/i.test(header.trim())) return;
  const ownerId =
    object.name === 'Lead'
      ? ctx.org.settings.leadAssignmentOwnerId
      : object.name === 'Case'
        ? ctx.org.settings.caseAssignmentOwnerId
        : null;
  if (ownerId) record.OwnerId = ownerId;
}

function newRecord(ctx: WriteContext, object: ObjectDef): SfRecord {
  const record: SfRecord = {};
  for (const field of object.fields) record[field.name] = field.defaultValue;
  const now = formatDateTime(ctx.now);
  record.Id = ctx.org.store.nextId(object.keyPrefix);
  record.IsDeleted = false;
  record.CreatedDate = now;
  record.LastModifiedDate = now;
  record.SystemModstamp = now;
  record.CreatedById = ctx.userId;
  record.LastModifiedById = ctx.userId;
  if (findField(object, 'OwnerId')) record.OwnerId = ctx.userId;
  return record;
}

/** Creates a record the way `POST /sobjects/{object}` does; returns its id or throws the error. */
export function createRecord(ctx: WriteContext, objectName: string, body: unknown, rawBody?: string): string {
  const object = requireObject(ctx.org, objectName);
  if (!object.createable)
    throw badRequest(
      'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
      `entity type ${object.name} does not support insert`,
    );
  const values = readBody(object, body, rawBody, 'create');
  beforeValues(ctx, object, values, undefined);
  const record = newRecord(ctx, object);
  for (const [field, value] of values) record[field.name] = checkValue(ctx.org, field, value);
  for (const field of object.fields)
    if (field.type === 'boolean' && record[field.name] === null) record[field.name] = false;
  if (values.has(findField(object, 'OwnerId') as FieldDef) && record.OwnerId === null)
    record.OwnerId = ctx.userId;
  if (object.name === 'Lead' || object.name === 'Case') assignOwner(ctx, object, record);
  beforeSave(ctx, object, record, values, undefined, rawBody);
  deriveFields(object, record, ctx.org.store, true, ctx.now);
  checkRules(ctx, object, record);
  ctx.org.store.insert(object.name, record);
  afterSave(ctx, object, record, true);
  return record.Id as string;
}

/** The live record `id` of `objectName`, or the 404 Salesforce answers. */
export function requireRecord(org: Org, object: ObjectDef, id: string, forWrite = false): SfRecord {
  const full = normaliseId(id);
  if (!full) {
    throw new SalesforceError(404, [
      {
        errorCode: 'NOT_FOUND',
        message: `Provided external ID field does not exist or is not accessible: ${id}`,
      },
    ]);
  }
  const record = org.store.get(object.name, full);
  if (!record) throw notFound();
  if (record.IsDeleted === true) throw forWrite ? entityIsDeleted() : notFound();
  return record;
}

/** Updates a record the way `PATCH /sobjects/{object}/{id}` does. */
export function updateRecord(
  ctx: WriteContext,
  objectName: string,
  id: string,
  body: unknown,
  rawBody?: string,
): void {
  const object = requireObject(ctx.org, objectName);
  const current = requireRecord(ctx.org, object, id, true);
  const values = readBody(object, body, rawBody, 'update');
  beforeValues(ctx, object, values, current);
  const record: SfRecord = { ...current };
  for (const [field, value] of values) {
    const checked = checkValue(ctx.org, field, value);
    record[field.name] = field.type === 'boolean' && checked === null ? false : checked;
  }
  beforeSave(ctx, object, record, values, current, rawBody);
  deriveFields(object, record, ctx.org.store, false, ctx.now);
  checkRules(ctx, object, record);
  const now = formatDateTime(ctx.now);
  record.LastModifiedDate = now;
  record.SystemModstamp = now;
  record.LastModifiedById = ctx.userId;
  ctx.org.store.insert(object.name, record);
  afterSave(ctx, object, record, false);
}

/** Deletes (moves to the recycle bin) the way `DELETE /sobjects/{object}/{id}` does. */
export function deleteRecord(ctx: WriteContext, objectName: string, id: string): void {
  const object = requireObject(ctx.org, objectName);
  if (!object.deletable)
    throw badRequest('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  const record = requireRecord(ctx.org, object, id, true);
  const now = formatDateTime(ctx.now);
  ctx.org.store.insert(object.name, {
    ...record,
    IsDeleted: true,
    LastModifiedDate: now,
    SystemModstamp: now,
    LastModifiedById: ctx.userId,
  });
  afterDelete(ctx, object, id);
}
