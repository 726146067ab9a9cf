import { z } from 'zod';

/** LiveChat's license webhook envelope for `chat_deactivated` (v3.5), only the fields we use. */
export const chatDeactivatedWebhookSchema = z.object({
  webhook_id: z.string().optional(),
  secret_key: z.string({ error: 'secret_key is missing' }).min(1, 'secret_key is missing'),
  action: z.string({ error: 'action is missing' }).min(1, 'action is missing'),
  organization_id: z.string({ error: 'organization_id is missing' }).min(1, 'organization_id is missing'),
  payload: z.object({
    chat_id: z.string({ error: 'payload.chat_id is missing' }).min(1, 'payload.chat_id is missing'),
    thread_id: z.string({ error: 'payload.thread_id is missing' }).min(1, 'payload.thread_id is missing'),
    user_id: z.string().optional(),
  }),
});
export type ChatDeactivatedWebhook = z.infer<typeof chatDeactivatedWebhookSchema>;

export const runStatuses = [
  'pending',
  'running',
  'created',
  'linked',
  'skipped',
  'waiting',
  'failed',
] as const;
export type RunStatus = (typeof runStatuses)[number];

export const runSchema = z.object({
  id: z.string(),
  chatId: z.string(),
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
  attempts: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Run = z.infer<typeof runSchema>;

/** GET /api/settings/activity?status=failed&from=…&to=…&limit=50&before=<iso> */
export const activityQuerySchema = z.object({
  status: z.enum(runStatuses).optional(),
  from: z.iso.datetime({ error: 'from must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ error: 'to must be an ISO date-time' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime().optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activityListSchema = z.object({ runs: z.array(runSchema) });

/** POST /api/settings/activity/:runId/retry → the run, queued again. */
export const runIdParamsSchema = z.object({ runId: z.uuid('Unknown run.') });
