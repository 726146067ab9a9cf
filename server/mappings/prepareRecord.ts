import type { ChatSnapshot } from '../../src/chat/chat';
import type { SalesforceValue } from '../../src/mapping/convertValue';
import { kindOf, type ConversationLogKind, type Mapping } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import {
  resolve,
  type ChatRecordRef,
  type MissingChatValue,
  type ResolvedValue,
} from '../../src/mapping/resolve';
import { validateValues } from '../../src/mapping/validateValues';
import {
  findField,
  nameField,
  withRecordTypePicklists,
  type ObjectMetadata,
  type RecordTypePicklists,
} from '../../src/salesforce/objectMetadata';
import type { LookupSpec } from '../salesforce/lookups';

/** Stands in for an auto-matched id while the other values are checked (the lookup runs later). */
const PENDING_LOOKUP_ID = '000000000000000AAA';
/** Stands in for the id of this chat's record of another mapping (written first, in the same set). */
const PENDING_CHAT_RECORD_ID = '000000000000001AAA';

/** A Task's Description holds this many characters when describe does not say (Task, Object Reference). */
const TASK_DESCRIPTION_LENGTH = 32_000;

/**
 * How a conversation-kind mapping logs this chat: a completed Task, or a Note (ContentNote, Title =
 * `subject`, Content = `text` as HTML) when the mapping says so or the text is longer than the Task's
 * Description allows.
 */
export interface PreparedConversation {
  as: ConversationLogKind;
  /** The Subject value (the Note's Title). */
  subject: string;
  /** The Description value, whole (a Task gets it as `values.Description`). */
  text: string;
  /** Why it is a Note, when the mapping asked for a Task. */
  reason?: 'too_long';
}

export interface PreparedRecord {
  /** Converted values, without the auto-matched fields and the chat-record fields; `RecordTypeId` when the mapping sets one. */
  values: Record<string, SalesforceValue>;
  /** The values as the mapping resolved them from the chat, before conversion (for editors). */
  resolvedValues: Record<string, ResolvedValue>;
  lookups: LookupSpec[];
  /**
   * Reference fields whose value is this chat's record of the account's record mapping of `object`:
   * checked with a placeholder id, left out of `values`; whoever writes the set fills them.
   */
  chatRecords: ChatRecordRef[];
  missing: MissingChatValue[];
  problems: Problem[];
  /** Conversation-kind mappings only: Task or Note, and its text. */
  conversation?: PreparedConversation;
}

export interface PrepareRecordOptions {
  /**
   * The picklist values of the mapping's record type (UI API, `metadata.recordTypePicklists`), when it
   * sets one: value checks follow them. Left out: the describe's values.
   */
  recordTypePicklists?: RecordTypePicklists | null;
}

/**
 * What a mapping gives for one chat, ready to send: values resolved and converted as Salesforce
 * expects them, every problem found, the auto-match lookups to run (with the searched object's
 * name field, to show what they find), and the fields that take this chat's records of other mappings.
 * Pure: whatever comes from Salesforce is passed in.
 */
export function prepareRecord(
  mapping: Mapping,
  chat: ChatSnapshot,
  meta: ObjectMetadata,
  related: Readonly<Record<string, ObjectMetadata>>,
  options: PrepareRecordOptions = {},
): PreparedRecord {
  const resolved = resolve(mapping, chat);
  const checkedAgainst =
    mapping.recordTypeId && options.recordTypePicklists
      ? withRecordTypePicklists(meta, options.recordTypePicklists)
      : meta;
  const lookups: LookupSpec[] = resolved.lookups.map((l) => ({
    ...l,
    nameField: (related[l.object] && nameField(related[l.object]!)?.name) ?? 'Id',
  }));
  const conversation =
    kindOf(mapping) === 'conversation' ? conversationOf(mapping, resolved.values, meta) : undefined;
  const withPlaceholders: Record<string, unknown> = { ...resolved.values };
  for (const l of lookups) withPlaceholders[l.field] = PENDING_LOOKUP_ID;
  for (const r of resolved.chatRecords) withPlaceholders[r.field] = PENDING_CHAT_RECORD_ID;
  if (mapping.recordTypeId) withPlaceholders.RecordTypeId = mapping.recordTypeId;
  // A Note takes the whole text: the Task's Description length does not apply to it.
  if (conversation?.as === 'note') delete withPlaceholders.Description;
  const checked = validateValues(withPlaceholders, checkedAgainst);
  const values = { ...checked.values };
  for (const l of lookups) delete values[l.field];
  for (const r of resolved.chatRecords) delete values[r.field];
  return {
    values,
    resolvedValues: resolved.values,
    lookups,
    chatRecords: resolved.chatRecords,
    missing: resolved.missing,
    problems: checked.problems,
    ...(conversation ? { conversation } : {}),
  };
}

const asText = (value: ResolvedValue | undefined): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

function conversationOf(
  mapping: Mapping,
  values: Record<string, ResolvedValue>,
  meta: ObjectMetadata,
): PreparedConversation {
  const subject = asText(values.Subject);
  const text = asText(values.Description);
  const limit = findField(meta, 'Description')?.length || TASK_DESCRIPTION_LENGTH;
  if (mapping.logAs === 'note') return { as: 'note', subject, text };
  if (text.length > limit) return { as: 'note', subject, text, reason: 'too_long' };
  return { as: 'task', subject, text };
}
