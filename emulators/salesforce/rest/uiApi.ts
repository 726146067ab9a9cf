/**
 * User Interface API picklist values, scoped to a record type (User Interface API Developer Guide):
 * `GET /ui-api/object-info/{objectApiName}/picklist-values/{recordTypeId}` answers a Picklist Values
 * Collection, `{ eTag, picklistFieldValues: { Field: PicklistValues } }` ("Get Values for All
 * Picklist Fields of a Record Type"), and `…/{recordTypeId}/{fieldApiName}` one Picklist Values,
 * `{ controllerValues, defaultValue, eTag, url, values: [{ attributes, label, validFor, value }] }`
 * (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_picklist_values.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_picklist_values.htm).
 */
import { createHash } from 'node:crypto';
import { SalesforceError, notFound } from '../errors';
import { normaliseId } from '../ids';
import { findField } from '../metadata/define';
import { MASTER_RECORD_TYPE_ID, defaultFor, findRecordType, valuesFor } from '../metadata/record-types';
import type { FieldDef, ObjectDef, PicklistValue, RecordTypeDef } from '../metadata/types';
import { requireObject } from '../records/write';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

/**
 * The objects of this org that the UI API serves: the standard ones below and every custom object.
 * Others answer 400 INVALID_TYPE "Object Task is not supported in UI API", the answer Salesforce's
 * own Lightning Data Service tests mock ("Object UserRole is not supported in UI API") and LWC
 * developers meet for Task.
 */
const SUPPORTED = new Set(['Account', 'Campaign', 'Case', 'Contact', 'Lead', 'Opportunity', 'User']);

function requireSupported(ctx: ApiContext, objectName: string): ObjectDef {
  const object = requireObject(ctx.org, objectName);
  if (!object.custom && !SUPPORTED.has(object.name)) {
    throw new SalesforceError(400, [
      { errorCode: 'INVALID_TYPE', message: `Object ${object.name} is not supported in UI API` },
    ]);
  }
  return object;
}

/** The record type named in the URL: the master, or one of the object's own (otherwise 404, UNCONFIRMED body). */
function requireRecordType(
  object: ObjectDef,
  id: string,
): { id: string; recordType: RecordTypeDef | undefined } {
  const full = normaliseId(id);
  if (full === MASTER_RECORD_TYPE_ID) return { id: full, recordType: undefined };
  const recordType = findRecordType(object, id);
  if (!recordType) throw notFound();
  return { id: recordType.id, recordType };
}

/**
 * A value's `attributes`: null, except for the status picklists whose values carry a meaning —
 * Lead Status (`converted`), Case Status (`closed`), Opportunity Stage — with the API's own
 * misspelt `picklistAtrributesValueType` (Picklist Value, and its attribute bodies,
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_picklist_value.htm).
 */
function attributesOf(
  object: ObjectDef,
  field: FieldDef,
  value: PicklistValue,
): Record<string, unknown> | null {
  if (object.name === 'Lead' && field.name === 'Status') {
    return { converted: value.value === 'Closed - Converted', picklistAtrributesValueType: 'LeadStatus' };
  }
  if (object.name === 'Case' && field.name === 'Status') {
    return { closed: value.value === 'Closed', picklistAtrributesValueType: 'CaseStatus' };
  }
  if (object.name === 'Opportunity' && field.name === 'StageName') {
    const won = value.value === 'Closed Won';
    const closed = won || value.value === 'Closed Lost';
    return {
      closed,
      defaultProbability: won ? 100 : closed ? 0 : 10,
      forecastCategoryName: won ? 'Closed' : closed ? 'Omitted' : 'Pipeline',
      picklistAtrributesValueType: 'OpportunityStage',
      won,
    };
  }
  return null;
}

const eTagOf = (content: unknown) => createHash('md5').update(JSON.stringify(content)).digest('hex');

function picklistValues(
  version: string,
  object: ObjectDef,
  field: FieldDef,
  recordTypeId: string,
  recordType: RecordTypeDef | undefined,
) {
  const entry = (value: PicklistValue) => ({
    attributes: attributesOf(object, field, value),
    label: value.label,
    validFor: [] as number[],
    value: value.value,
  });
  const values = valuesFor(field, recordType).map(entry);
  const fallback = defaultFor(field, recordType);
  const defaultValue = values.find((v) => v.value === fallback) ?? null;
  const content = { controllerValues: {}, defaultValue, values };
  return {
    controllerValues: {},
    defaultValue,
    eTag: eTagOf(content),
    url: `/services/data/v${version}/ui-api/object-info/${object.name}/picklist-values/${recordTypeId}/${field.name}`,
    values,
  };
}

const isPicklist = (field: FieldDef) => field.type === 'picklist' || field.type === 'multipicklist';

/** `GET /ui-api/object-info/{object}/picklist-values/{recordTypeId}[/{field}]` */
export function picklistValuesByRecordType(
  ctx: ApiContext,
  request: ApiRequest,
  objectName: string,
  recordTypeParam: string,
  fieldName: string | undefined,
): ApiResponse {
  const object = requireSupported(ctx, objectName);
  const { id, recordType } = requireRecordType(object, recordTypeParam);
  if (fieldName !== undefined) {
    const field = findField(object, fieldName);
    if (!field || !isPicklist(field)) throw notFound();
    return { status: 200, body: picklistValues(request.version, object, field, id, recordType) };
  }
  const picklistFieldValues: Record<string, unknown> = {};
  for (const field of object.fields.filter(isPicklist)) {
    picklistFieldValues[field.name] = picklistValues(request.version, object, field, id, recordType);
  }
  return { status: 200, body: { eTag: eTagOf(picklistFieldValues), picklistFieldValues } };
}
