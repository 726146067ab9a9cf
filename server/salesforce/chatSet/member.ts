/** A set member from a mapping and its prepared record. */
import type { SalesforceValue } from '../../../src/mapping/convertValue';
import {
  defaultUpdateRule,
  kindOf,
  type ConversationLogKind,
  type Mapping,
  type UpdateRule,
} from '../../../src/mapping/mapping';
import type { LookupSpec } from '../lookups';
import type { FieldEquals } from '../recordWriter';
import type { ChatSetMember } from './types';

/** What `chatSetMember` needs of a prepared record (server/mappings/prepareRecord.ts). */
export interface PreparedForSet {
  values: Record<string, SalesforceValue>;
  lookups: LookupSpec[];
  chatRecords?: { field: string; object: string }[];
  conversation?: { as: ConversationLogKind; subject: string; text: string };
}

/** Each field's update rule: the entry's own, else `defaultUpdateRule`. */
export function updateRulesOf(mapping: Pick<Mapping, 'fields'>): Record<string, UpdateRule> {
  return Object.fromEntries(mapping.fields.map((f) => [f.field, f.updateRule ?? defaultUpdateRule(f.field)]));
}

/** Values of the searchable fields that have one. */
export function searchableValues(
  mapping: Pick<Mapping, 'searchableFields'>,
  values: Record<string, unknown>,
): FieldEquals[] {
  return mapping.searchableFields
    .filter((field) => typeof values[field] === 'string' && values[field] !== '')
    .map((field) => ({ field, value: String(values[field]) }));
}

/**
 * A set member from a mapping and its prepared record. `fieldsOf(object)` names the fields of an
 * object the skip checks search (from its describe): a searchable field the other object lacks is
 * left out of its check, never sent in a query Salesforce would refuse.
 */
export function chatSetMember(input: {
  mappingId: string;
  objectLabel: string;
  mapping: Mapping;
  prepared: PreparedForSet;
  fieldsOf?: (objectName: string) => ReadonlySet<string> | undefined;
  recover?: ChatSetMember['recover'];
}): ChatSetMember {
  const { mapping, prepared } = input;
  const searchable = searchableValues(mapping, prepared.values);
  const kind = kindOf(mapping);
  return {
    mappingId: input.mappingId,
    objectName: mapping.objectName,
    objectLabel: input.objectLabel,
    kind,
    ...(mapping.logAs ? { logAs: mapping.logAs } : {}),
    ...(kind === 'conversation' && prepared.conversation ? { conversation: prepared.conversation } : {}),
    values: prepared.values,
    lookups: prepared.lookups,
    chatRecords: prepared.chatRecords ?? [],
    searchable: kind === 'record' ? searchable : [],
    duplicatePolicy: mapping.duplicatePolicy,
    updateRules: updateRulesOf(mapping),
    skipIfFound: (mapping.skipIfExistsAs ?? []).flatMap((objectName) => {
      const fields = input.fieldsOf?.(objectName);
      const match = searchable.filter((s) => !fields || fields.has(s.field));
      return match.length ? [{ objectName, match }] : [];
    }),
    autoAssign: mapping.autoAssign,
    ...(input.recover?.match.length ? { recover: input.recover } : {}),
  };
}
