import type { ChatSnapshot } from '../../src/chat/chat';
import type { SalesforceValue } from '../../src/mapping/convertValue';
import type { Mapping } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import { resolve, type MissingChatValue, type ResolvedValue } from '../../src/mapping/resolve';
import { validateValues } from '../../src/mapping/validateValues';
import { nameField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { LookupSpec } from '../salesforce/lookups';

/** Stands in for an auto-matched id while the other values are checked (the lookup runs later). */
const PENDING_LOOKUP_ID = '000000000000000AAA';

export interface PreparedRecord {
  /** Converted values, without the auto-matched fields. */
  values: Record<string, SalesforceValue>;
  /** The values as the mapping resolved them from the chat, before conversion (for editors). */
  resolvedValues: Record<string, ResolvedValue>;
  lookups: LookupSpec[];
  missing: MissingChatValue[];
  problems: Problem[];
}

/**
 * What a mapping gives for one chat, ready to send: values resolved and converted as Salesforce
 * expects them, every problem found, and the auto-match lookups to run (with the searched object's
 * name field, to show what they find).
 */
export function prepareRecord(
  mapping: Mapping,
  chat: ChatSnapshot,
  meta: ObjectMetadata,
  related: Readonly<Record<string, ObjectMetadata>>,
): PreparedRecord {
  const resolved = resolve(mapping, chat);
  const lookups: LookupSpec[] = resolved.lookups.map((l) => ({
    ...l,
    nameField: (related[l.object] && nameField(related[l.object]!)?.name) ?? 'Id',
  }));
  const withPlaceholders: Record<string, unknown> = { ...resolved.values };
  for (const l of lookups) withPlaceholders[l.field] = PENDING_LOOKUP_ID;
  const checked = validateValues(withPlaceholders, meta);
  const values = { ...checked.values };
  for (const l of lookups) delete values[l.field];
  return {
    values,
    resolvedValues: resolved.values,
    lookups,
    missing: resolved.missing,
    problems: checked.problems,
  };
}
