import { normaliseId } from '../ids';
import type { FieldDef, ObjectDef, PicklistValue, RecordTypeDef } from './types';

/**
 * The master record type's id, the same in every org; it stands for "no record type" and has no
 * RecordType record (Record Types, Object Reference; the LWC getPicklistValues wire adapter's
 * `recordTypeId`: https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-picklist-values.html).
 */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** The object's record type with this id (15 or 18 characters), custom ones only. */
export function findRecordType(object: ObjectDef, id: string): RecordTypeDef | undefined {
  const full = normaliseId(id);
  return full ? object.recordTypes?.find((rt) => rt.id === full) : undefined;
}

/** The record type a record gets when created without `RecordTypeId` (none: the master). */
export function defaultRecordType(object: ObjectDef): RecordTypeDef | undefined {
  return object.recordTypes?.find((rt) => rt.active && rt.available && rt.defaultRecordTypeMapping);
}

/** True when the object has record types of its own (then the master is not available to users). */
export const hasRecordTypes = (object: ObjectDef) => (object.recordTypes?.length ?? 0) > 0;

/** The active values of a picklist that a record type offers, in the field's order (all of them for the master). */
export function valuesFor(field: FieldDef, recordType: RecordTypeDef | undefined): PicklistValue[] {
  const active = field.picklistValues.filter((p) => p.active);
  const offered = recordType?.picklists[field.name];
  if (!offered) return active;
  const allowed = new Set(offered.values);
  return active.filter((p) => allowed.has(p.value));
}

/** The default value of a picklist under a record type: the record type's own, else the field's if it offers it. */
export function defaultFor(field: FieldDef, recordType: RecordTypeDef | undefined): string | null {
  const offered = recordType?.picklists[field.name];
  if (offered?.defaultValue !== undefined) return offered.defaultValue;
  const fieldDefault = field.picklistValues.find((p) => p.active && p.defaultValue)?.value ?? null;
  if (fieldDefault === null || !offered) return fieldDefault;
  return offered.values.includes(fieldDefault) ? fieldDefault : null;
}

/**
 * describe's `recordTypeInfos`: the master, then the custom types. With custom types the master is
 * not available and not the default (as a profile with record types assigned sees it); without
 * them it is both (sObject Describe, REST API Developer Guide:
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_describe.htm;
 * RecordTypeInfo, SOAP API: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm).
 */
export function recordTypeInfos(object: ObjectDef, describeBase: string) {
  const own = object.recordTypes ?? [];
  const info = (
    id: string,
    name: string,
    developerName: string,
    flags: { active: boolean; available: boolean; defaultRecordTypeMapping: boolean; master: boolean },
  ) => ({
    active: flags.active,
    available: flags.available,
    defaultRecordTypeMapping: flags.defaultRecordTypeMapping,
    developerName,
    master: flags.master,
    name,
    recordTypeId: id,
    urls: { layout: `${describeBase}/describe/layouts/${id}` },
  });
  return [
    info(MASTER_RECORD_TYPE_ID, 'Master', 'Master', {
      active: true,
      available: own.length === 0,
      defaultRecordTypeMapping: own.length === 0,
      master: true,
    }),
    ...own.map((rt) =>
      info(rt.id, rt.name, rt.developerName, {
        active: rt.active,
        available: rt.available,
        defaultRecordTypeMapping: rt.defaultRecordTypeMapping,
        master: false,
      }),
    ),
  ];
}
