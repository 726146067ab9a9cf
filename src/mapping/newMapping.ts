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
