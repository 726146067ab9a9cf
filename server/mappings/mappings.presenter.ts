import type { SavedMapping } from '../../src/api/mappings';
import { toMapping, type MappingRow } from './mappings.repo';

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
