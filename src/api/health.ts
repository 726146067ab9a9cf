import { z } from 'zod';

export const healthResponseSchema = z.object({ status: z.literal('ok') });

export const readinessResponseSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.object({ pending: z.array(z.string()) }),
});

export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;
