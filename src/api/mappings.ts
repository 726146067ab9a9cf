import { z } from 'zod';
import { chatFieldSchema, discoveredChatFieldSchema } from '../chat/chatFields';
import { mappingSchema } from '../mapping/mapping';
import { problemSchema } from '../mapping/problems';
import { autoMatchLookupSchema, missingChatValueSchema } from '../mapping/resolve';
import { objectMetadataSchema, sObjectSummarySchema } from '../salesforce/objectMetadata';

/** GET /api/settings/accounts/:id/objects: the org's createable objects, custom ones included. */
export const objectListSchema = z.object({ objects: z.array(sObjectSummarySchema) });

/** GET /api/settings/accounts/:id/objects/:objectName: the object's fields. */
export const objectDescribeSchema = z.object({ object: objectMetadataSchema });
export const objectParamsSchema = z.object({
  id: z.uuid('Unknown account.'),
  objectName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Not a Salesforce object name.'),
});

/** GET /api/settings/accounts/:id/lookup?object=User&q=ann: records for the static reference picker. */
export const lookupQuerySchema = z.object({
  object: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Not a Salesforce object name.'),
  q: z.string().trim().max(80, 'Search with at most 80 characters.').default(''),
});
export const lookupResultSchema = z.object({
  records: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

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

/** GET /api/settings/chat-fields and POST /api/settings/chat-fields/scan */
export const chatFieldCatalogueSchema = z.object({
  builtIn: z.array(chatFieldSchema),
  discovered: z.array(discoveredChatFieldSchema),
  scan: z.object({
    scannedAt: z.string().nullable(),
    chatsScanned: z.number().int(),
    /** Why nothing was found, in plain words; null when fields were found. */
    message: z.string().nullable(),
  }),
});
export type ChatFieldCatalogue = z.infer<typeof chatFieldCatalogueSchema>;

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
  missing: z.array(missingChatValueSchema),
  problems: z.array(problemSchema),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
