import { z } from 'zod';
import {
  catalogueChatFieldSchema,
  chatFieldSchema,
  chatValueKinds,
  discoveredChatSourceKinds,
} from '../chat/chatFields';
import { mappingSchema } from '../mapping/mapping';
import { problemSchema } from '../mapping/problems';
import { conversationLogKinds } from '../mapping/mapping';
import { autoMatchLookupSchema, chatRecordRefSchema, missingChatValueSchema } from '../mapping/resolve';
import {
  objectMetadataSchema,
  recordTypePicklistsSchema,
  sObjectSummarySchema,
} from '../salesforce/objectMetadata';

/** GET /api/settings/accounts/:id/objects: the org's createable objects, custom ones included. */
export const objectListSchema = z.object({ objects: z.array(sObjectSummarySchema) });

/** GET /api/settings/accounts/:id/objects/:objectName: the object's fields and record types. */
export const objectDescribeSchema = z.object({ object: objectMetadataSchema });
export const objectParamsSchema = z.object({
  id: z.uuid('Unknown account.'),
  objectName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Not a Salesforce object name.'),
});

/**
 * GET /api/settings/accounts/:id/objects/:objectName/record-types/:recordTypeId/picklists: the values
 * each picklist field offers under that record type (Salesforce's UI API), by field name. Fields not
 * listed offer the describe's values (the UI API does not serve every object, e.g. Task).
 */
export const recordTypeParamsSchema = objectParamsSchema.extend({
  recordTypeId: z
    .string()
    .regex(/^012[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, 'That is not a record type id (012…).'),
});
export const recordTypePicklistsResponseSchema = z.object({
  recordType: z.object({ id: z.string(), name: z.string() }),
  picklists: recordTypePicklistsSchema,
});
export type RecordTypePicklistsResponse = z.infer<typeof recordTypePicklistsResponseSchema>;

/** GET /api/settings/accounts/:id/lookup?object=User&q=ann: records for the static reference picker. */
export { lookupQuerySchema, lookupResultSchema, type LookupResult } from './lookup';

/** A saved mapping, as the API answers it. */
export const savedMappingSchema = mappingSchema.extend({
  id: z.string(),
  accountId: z.string(),
  objectLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** GET /api/settings/accounts/:id/mappings */
export const mappingListSchema = z.object({ mappings: z.array(savedMappingSchema) });

/**
 * POST /api/settings/accounts/:id/mappings and PUT /api/settings/mappings/:mappingId take a Mapping.
 * An invalid one is refused with 400 `validation_failed` and details `{ problems: Problem[] }`, each
 * problem with the path of the mapping part it concerns (e.g. `fields.2.value`).
 */
export const mappingIdParamsSchema = z.object({ mappingId: z.uuid('Unknown mapping.') });

/**
 * GET /api/settings/chat-fields (scans the latest archived chats first when they were never scanned or
 * the last scan is old), POST /api/settings/chat-fields/scan (scans now), and the declare endpoints.
 */
export const chatFieldCatalogueSchema = z.object({
  builtIn: z.array(chatFieldSchema),
  /** Every custom variable and pre-/post-chat form field known: found by the scan, declared, or both. */
  discovered: z.array(catalogueChatFieldSchema),
  scan: z.object({
    /** When the last scan began reading chats; null: never scanned. */
    scannedAt: z.string().nullable(),
    chatsScanned: z.number().int(),
    /** Why the scan found nothing, in plain words, with the next step; null when it found fields. */
    message: z.string().nullable(),
    /**
     * Set when a scan that was due could not read LiveChat (an outage): what is listed is what was
     * known before, and the next visit tries again.
     */
    failure: z.string().nullable(),
  }),
});
export type ChatFieldCatalogue = z.infer<typeof chatFieldCatalogueSchema>;

/** LiveChat sends form labels and variable names as they were written: long ones are not names. */
const MAX_CHAT_FIELD_NAME = 200;

/** What is wrong with a declared field's name, in plain words; null when it can be LiveChat's. */
function chatFieldNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Give the name exactly as LiveChat sends it.';
  if (name.length > MAX_CHAT_FIELD_NAME) return `Use at most ${MAX_CHAT_FIELD_NAME} characters.`;
  if (name !== name.trim()) {
    return 'Remove the spaces at the start or the end: LiveChat sends the name exactly as written.';
  }
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Write the name on one line, without tabs.';
  return null;
}

/**
 * POST /api/settings/chat-fields/declared: a custom variable or form field, named exactly as LiveChat
 * will send it (the variable's name, or the form field's label), before any chat has it.
 */
export const declareChatFieldRequestSchema = z
  .object({
    kind: z.enum(discoveredChatSourceKinds, {
      error: 'Choose custom variable, pre-chat form field or post-chat form field.',
    }),
    name: z.string({ error: 'Give the name exactly as LiveChat sends it.' }).superRefine((name, ctx) => {
      const problem = chatFieldNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    valueKind: z
      .enum(chatValueKinds, { error: 'Choose text, date and time, or list.' })
      .nullable()
      .default(null),
  })
  .refine((body) => !(body.kind === 'customVariable' && body.valueKind === 'list'), {
    path: ['valueKind'],
    message: 'A custom variable holds one text value: choose text, or date and time.',
  });
export type DeclareChatFieldRequest = z.input<typeof declareChatFieldRequestSchema>;

/** DELETE /api/settings/chat-fields/declared/:id */
export const declaredChatFieldParamsSchema = z.object({ id: z.uuid('Unknown declared chat field.') });

/** GET /api/settings/chats/recent: the latest archived chats to preview a mapping against. */
export const recentChatsSchema = z.object({
  chats: z.array(
    z.object({
      id: z.string(),
      threadId: z.string().nullable(),
      visitorName: z.string().nullable(),
      visitorEmail: z.string().nullable(),
      startedAt: z.string(),
    }),
  ),
});
export type RecentChats = z.infer<typeof recentChatsSchema>;

/** POST /api/settings/accounts/:id/mappings/preview: nothing is created. */
export const previewRequestSchema = z.object({
  mapping: mappingSchema,
  chatId: z.string().min(1, 'Choose a chat to preview with.'),
});
export const previewResponseSchema = z.object({
  /** The record exactly as it would be sent to Salesforce (auto-matched ids included). */
  record: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  lookups: z.array(
    autoMatchLookupSchema.extend({
      found: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  /** Fields whose value is this chat's record of another mapping: `shown` stands for the value ("This chat's Contact"). */
  chatRecords: z.array(chatRecordRefSchema.extend({ shown: z.string() })),
  /** The record type set by the mapping (its id is `record.RecordTypeId`); null: the default. */
  recordType: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The conversation log: whether this chat would be a Task or a Note, and its text; null for a record mapping. */
  conversation: z
    .object({
      as: z.enum(conversationLogKinds),
      subject: z.string(),
      text: z.string(),
      reason: z.literal('too_long').optional(),
    })
    .nullable(),
  missing: z.array(missingChatValueSchema),
  problems: z.array(problemSchema),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
