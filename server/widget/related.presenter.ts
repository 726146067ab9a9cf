import { recordUrl } from '../salesforce/recordUrl';
import type { RelatedObject, RelatedRecord, WidgetAccount } from '../../src/api/widget';
import type { AccountRow } from '../accounts/accounts.repo';
import { cardValues } from './relatedCards';
import { matchesVisitor, RECORDS_PER_OBJECT, type PlannedObject, type SearchRecord } from './relatedSearch';

export function toWidgetAccount(row: AccountRow): WidgetAccount {
  return {
    id: row.id,
    label: row.label,
    orgName: row.orgName,
    status: row.status,
    instanceUrl: row.instanceUrl,
  };
}

/** A record as its card shows it: name, link and key fields (from the search, or read back after a create). */
export function toRelatedRecord(
  object: Pick<PlannedObject, 'objectName' | 'nameField' | 'cards'>,
  record: { Id: string } & Record<string, unknown>,
  instanceUrl: string | null,
): RelatedRecord {
  const name = record[object.nameField];
  return {
    id: record.Id,
    name: typeof name === 'string' || typeof name === 'number' ? String(name) || record.Id : record.Id,
    url: recordUrl(instanceUrl, object.objectName, record.Id),
    fields: cardValues(object.cards, record),
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
      .map((r) => toRelatedRecord(object, r, instanceUrl)),
  }));
}
