import { z } from 'zod';
import type { ChatSnapshot } from '../chat/chat';
import { chatSourceIdSchema, readChatValue, type ChatValue } from '../chat/chatFields';
import type { Mapping, StaticValue } from './mapping';

/** A record value before conversion: a static value as configured, or a chat value as read. */
export type ResolvedValue = StaticValue | ChatValue;

export const autoMatchLookupSchema = z.object({
  /** The reference field to fill with the id found, e.g. `OwnerId`. */
  field: z.string(),
  /** The object to search, e.g. `User`. */
  object: z.string(),
  /** Its field that must equal `value`, e.g. `Email`. */
  matchField: z.string(),
  value: z.string(),
});
export type AutoMatchLookup = z.infer<typeof autoMatchLookupSchema>;

export const missingChatValueSchema = z.object({
  field: z.string(),
  source: chatSourceIdSchema,
  entryType: z.enum(['dynamic', 'autoMatch']),
});
/** A Dynamic or Auto-Match field whose chat value this chat does not have. */
export type MissingChatValue = z.infer<typeof missingChatValueSchema>;

export const chatRecordRefSchema = z.object({
  /** The reference field, e.g. `ContactId`. */
  field: z.string(),
  /** The object of the account's record mapping whose record of this chat is the value, e.g. `Contact`. */
  object: z.string(),
});
/** A field whose value is this chat's record of another mapping: known only once that record is. */
export type ChatRecordRef = z.infer<typeof chatRecordRefSchema>;

export interface ResolvedMapping {
  /** Field name → value, unconverted: pass them (with the auto-match results) to `validateValues`. */
  values: Record<string, ResolvedValue>;
  /** Auto-Match searches still to run, one per field whose chat value is known. */
  lookups: AutoMatchLookup[];
  /** Fields left out because the chat has no value for their source. */
  missing: MissingChatValue[];
  /** Fields whose value is this chat's record of another mapping (filled by whoever writes the set). */
  chatRecords: ChatRecordRef[];
}

/**
 * What a mapping gives for one chat: static values as configured (`null` kept, meaning "leave empty"),
 * dynamic values read from the chat, the auto-match lookups to run, and the fields that take this chat's
 * record of another mapping. Pure; nothing is converted or
 * checked here. An auto-match on a list value (tags, checkbox answers) searches for its first item.
 */
export function resolve(mapping: Mapping, chat: ChatSnapshot): ResolvedMapping {
  const resolved: ResolvedMapping = { values: {}, lookups: [], missing: [], chatRecords: [] };
  for (const entry of mapping.fields) {
    switch (entry.entryType) {
      case 'static':
        resolved.values[entry.field] = entry.value;
        break;
      case 'dynamic': {
        const value = readChatValue(chat, entry.source);
        if (value === undefined) {
          resolved.missing.push({ field: entry.field, source: entry.source, entryType: 'dynamic' });
        } else {
          resolved.values[entry.field] = value;
        }
        break;
      }
      case 'autoMatch': {
        const value = readChatValue(chat, entry.match.source);
        const searchFor = Array.isArray(value) ? value[0] : value;
        if (searchFor === undefined) {
          resolved.missing.push({ field: entry.field, source: entry.match.source, entryType: 'autoMatch' });
        } else {
          resolved.lookups.push({
            field: entry.field,
            object: entry.match.object,
            matchField: entry.match.field,
            value: searchFor,
          });
        }
        break;
      }
      case 'chatRecord':
        resolved.chatRecords.push({ field: entry.field, object: entry.object });
        break;
    }
  }
  return resolved;
}
