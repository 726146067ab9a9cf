import { z } from 'zod';
import { queryDateTime } from './dateTime';

/** LiveChat's license webhook envelope (Webhooks v3.5), only the fields we use. */
export const webhookEnvelopeSchema = z.object({
  webhook_id: z.string().optional(),
  secret_key: z.string({ error: 'secret_key is missing' }).min(1, 'secret_key is missing'),
  action: z.string({ error: 'action is missing' }).min(1, 'action is missing'),
  organization_id: z.string({ error: 'organization_id is missing' }).min(1, 'organization_id is missing'),
  payload: z.unknown(),
});

/** `chat_deactivated`: a chat ended (Webhooks v3.5 › chat_deactivated). */
export const chatDeactivatedWebhookSchema = webhookEnvelopeSchema.extend({
  action: z.literal('chat_deactivated'),
  payload: z.object({
    chat_id: z.string({ error: 'payload.chat_id is missing' }).min(1, 'payload.chat_id is missing'),
    thread_id: z.string({ error: 'payload.thread_id is missing' }).min(1, 'payload.thread_id is missing'),
    user_id: z.string().optional(),
  }),
});
export type ChatDeactivatedWebhook = z.infer<typeof chatDeactivatedWebhookSchema>;

/** A visitor's session fields as LiveChat sends them: `[{ "name": "value" }, …]`. */
const sessionFieldsSchema = z.array(z.record(z.string(), z.unknown())).nullish();

/** `incoming_chat`: a chat started, with its users (Webhooks v3.5 › incoming_chat). */
export const incomingChatWebhookSchema = webhookEnvelopeSchema.extend({
  action: z.literal('incoming_chat'),
  payload: z.object({
    chat: z.object({
      id: z.string({ error: 'payload.chat.id is missing' }).min(1, 'payload.chat.id is missing'),
      users: z.array(z.object({ type: z.string(), session_fields: sessionFieldsSchema })).default([]),
    }),
  }),
});

/** `customer_session_fields_updated` (Webhooks v3.5): sent for each active chat of the customer. */
export const sessionFieldsUpdatedWebhookSchema = webhookEnvelopeSchema.extend({
  action: z.literal('customer_session_fields_updated'),
  payload: z.object({
    active_chat: z.object({
      chat_id: z
        .string({ error: 'payload.active_chat.chat_id is missing' })
        .min(1, 'payload.active_chat.chat_id is missing'),
    }),
    session_fields: sessionFieldsSchema,
  }),
});

/** The webhooks the app registers (webhookRegistration), told apart by `action`. */
export const knownWebhookSchema = z.discriminatedUnion('action', [
  chatDeactivatedWebhookSchema,
  incomingChatWebhookSchema,
  sessionFieldsUpdatedWebhookSchema,
]);
export type KnownWebhook = z.infer<typeof knownWebhookSchema>;
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const isKnownWebhookAction = (action: string): action is KnownWebhook['action'] =>
  action === 'chat_deactivated' || action === 'incoming_chat' || action === 'customer_session_fields_updated';

export const runStatuses = [
  'pending',
  'running',
  'created',
  'linked',
  /** Linked to the visitor's existing record, and some of its fields updated by the mapping's rules. */
  'updated',
  'skipped',
  'waiting',
  'failed',
] as const;
export type RunStatus = (typeof runStatuses)[number];

export const runSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  /** Who the chat was with, when the chat said (runs from before this was kept have neither). */
  visitor: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  chatLink: z.string(),
  accountId: z.string(),
  accountLabel: z.string(),
  mappingId: z.string(),
  objectName: z.string(),
  objectLabel: z.string(),
  status: z.enum(runStatuses),
  recordId: z.string().nullable(),
  recordUrl: z.string().nullable(),
  /** What went wrong, in plain words (failed, waiting, skipped). */
  error: z.string().nullable(),
  errorFields: z.array(z.string()),
  /** Failed only because another record of the chat's set failed: Salesforce kept none of them. */
  notWritten: z.boolean().optional(),
  attempts: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Run = z.infer<typeof runSchema>;

/** GET /api/settings/activity?status=failed&from=…&to=…&limit=50&before=<iso> */
export const activityQuerySchema = z.object({
  status: z.enum(runStatuses).optional(),
  from: queryDateTime('from').optional(),
  to: queryDateTime('to').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: queryDateTime('before').optional(),
  /** Part of the visitor's name or email. */
  visitor: z.string().trim().min(1).max(100).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activityListSchema = z.object({ runs: z.array(runSchema) });

/** POST /api/settings/activity/:runId/retry → the run, queued again. */
export const runIdParamsSchema = z.object({ runId: z.uuid('Unknown run.') });
