import {
  findField,
  hasAssignmentRules,
  isRequiredOnCreate,
  requiredFields,
  type ObjectMetadata,
} from '../salesforce/objectMetadata';
import type { Mapping } from './mapping';

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
