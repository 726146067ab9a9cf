import { z } from 'zod';
import { queryDateTime } from './dateTime';

export const auditEntrySchema = z.object({
  id: z.string(),
  actorEmail: z.string(),
  action: z.string(),
  /** One sentence for people: "Renamed “Sales org” to “EU sales”". */
  summary: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** GET /api/settings/audit?limit=50&before=<iso> */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: queryDateTime('before').optional(),
});
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });
