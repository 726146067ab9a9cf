import type { SavedMapping } from '../../src/api/mappings';
import type { ChatSourceId } from '../../src/chat/chatFields';
import type { FieldMapping, Mapping, StaticValue } from '../../src/mapping/mapping';
import type { MappingRow } from './mappings.repo';

/** A stored mapping as the engine and the API see it. */
export function toMapping(row: MappingRow): Mapping {
  const fields: FieldMapping[] = row.fields.map((f) => {
    switch (f.entryType) {
      case 'static':
        return {
          entryType: 'static',
          field: f.field,
          value: (f.staticValue ?? null) as StaticValue,
          ...(f.staticDisplay ? { display: f.staticDisplay } : {}),
        };
      case 'dynamic':
        return { entryType: 'dynamic', field: f.field, source: f.dynamicSource as ChatSourceId };
      case 'auto_match':
        return {
          entryType: 'autoMatch',
          field: f.field,
          match: {
            object: f.matchObject ?? '',
            field: f.matchField ?? '',
            source: f.matchSource as ChatSourceId,
          },
        };
    }
  });
  return {
    objectName: row.objectName,
    fields,
    searchableFields: row.fields.filter((f) => f.searchable).map((f) => f.field),
    automation: row.automation,
    duplicatePolicy: row.duplicatePolicy,
    autoAssign: row.autoAssign,
  };
}

export function toSavedMapping(row: MappingRow): SavedMapping {
  return {
    ...toMapping(row),
    id: row.id,
    accountId: row.accountId,
    objectLabel: row.objectLabel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
