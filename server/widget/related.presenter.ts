import { recordUrl } from '../salesforce/recordUrl';
import type { RelatedObject, RelatedRecord, WidgetAccount } from '../../src/api/widget';
import type { AccountRow } from '../accounts/accounts.repo';
import { matchesVisitor, RECORDS_PER_OBJECT, type PlannedObject, type SearchRecord } from './relatedSearch';

/** Shown per record beside its name. */
const KEY_FIELDS_SHOWN = 3;

export function toWidgetAccount(row: AccountRow): WidgetAccount {
  return {
    id: row.id,
    label: row.label,
    orgName: row.orgName,
    status: row.status,
    instanceUrl: row.instanceUrl,
  };
}

function shown(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function toRecord(object: PlannedObject, record: SearchRecord, instanceUrl: string | null): RelatedRecord {
  const fields: RelatedRecord['fields'] = [];
  for (const key of object.keyFields) {
    const value = shown(record[key.name]);
    if (value !== undefined) fields.push({ label: key.label, value });
    if (fields.length >= KEY_FIELDS_SHOWN) break;
  }
  return {
    id: record.Id,
    name: shown(record[object.nameField]) ?? record.Id,
    url: recordUrl(instanceUrl, object.objectName, record.Id),
    fields,
  };
}

/** The search's records grouped by mapped object, only the visitor's own, at most a few per object. */
export function toRelatedObjects(
  objects: PlannedObject[],
  records: SearchRecord[],
  instanceUrl: string | null,
): RelatedObject[] {
  return objects.map((object) => ({
    mappingId: object.mappingId,
    objectName: object.objectName,
    objectLabel: object.objectLabel,
    searched: object.searchables.length > 0,
    records: records
      .filter((r) => r.attributes.type.toLowerCase() === object.objectName.toLowerCase())
      .filter((r) => matchesVisitor(object, r))
      .slice(0, RECORDS_PER_OBJECT)
      .map((r) => toRecord(object, r, instanceUrl)),
  }));
}
