import type { SavedMapping } from '../../src/api/mappings';
import { kindOf, type Mapping } from '../../src/mapping/mapping';

/** A mapping of the account, as the editors of the others name it. */
export type SetMember = Pick<Mapping, 'objectName' | 'duplicatePolicy' | 'searchableFields'> & {
  objectLabel: string;
};

/** A field that takes this chat's record of another mapping: `ContactId` → `Contact`. */
export interface SetLink {
  field: string;
  object: string;
}

export function linksOf(mapping: Pick<Mapping, 'fields'>): SetLink[] {
  return mapping.fields.flatMap((entry) =>
    entry.entryType === 'chatRecord' ? [{ field: entry.field, object: entry.object }] : [],
  );
}

/** The account's record mappings, whose records of a chat other mappings' lookup fields can take. */
export function recordMappings<M extends Pick<Mapping, 'kind'>>(mappings: readonly M[]): M[] {
  return mappings.filter((mapping) => kindOf(mapping) === 'record');
}

/**
 * The account's mappings in the order a chat's set is written: each after the records it points to,
 * the conversation log last. Mappings caught in a cycle (which Save refuses) keep their list order, at
 * the end of the records.
 */
export function setOrder(mappings: readonly SavedMapping[]): SavedMapping[] {
  const records = recordMappings(mappings);
  const byObject = new Map(records.map((m) => [m.objectName, m]));
  const ordered: SavedMapping[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (mapping: SavedMapping): boolean => {
    if (placed.has(mapping.objectName)) return true;
    if (visiting.has(mapping.objectName)) return false;
    visiting.add(mapping.objectName);
    const ok = linksOf(mapping).every((link) => {
      const target = byObject.get(link.object);
      return !target || place(target);
    });
    visiting.delete(mapping.objectName);
    if (ok) {
      placed.add(mapping.objectName);
      ordered.push(mapping);
    }
    return ok;
  };
  for (const mapping of records) place(mapping);
  const cyclic = records.filter((m) => !placed.has(m.objectName));
  const conversation = mappings.filter((m) => kindOf(m) === 'conversation');
  return [...ordered, ...cyclic, ...conversation];
}

/** A saved mapping as the API takes it back: without what the server adds (id, label, dates). */
export function withoutSavedFields(saved: SavedMapping): Mapping {
  const {
    id: _id,
    accountId: _account,
    objectLabel: _label,
    createdAt: _c,
    updatedAt: _u,
    ...mapping
  } = saved;
  return mapping;
}
