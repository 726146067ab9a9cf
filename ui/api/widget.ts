import { z } from 'zod';
import {
  createRecordProblemsSchema,
  createRecordResponseSchema,
  formsResponseSchema,
  relatedResponseSchema,
  type CreateRecordRequest,
} from '../../src/api/widget';
import type { Problem } from '../../src/mapping/problems';
import { ApiError } from './ApiError';
import type { Http } from './http';

/**
 * The Chat Details widget's endpoints, one small function each, answers parsed with `src/api/widget`'s
 * schemas. Available as `api.widget` on the main client.
 */
export function createWidgetApi(http: Http) {
  return {
    related: (chatId: string, options: { refresh?: boolean; threadId?: string | undefined } = {}) =>
      http({
        path: '/api/widget/related',
        query: { chatId, threadId: options.threadId, refresh: options.refresh ? 1 : undefined },
        schema: relatedResponseSchema,
      }),
    form: (chatId: string, mappingId: string, threadId?: string) =>
      http({
        path: '/api/widget/forms',
        query: { chatId, mappingId, threadId },
        schema: formsResponseSchema,
      }),
    createRecord: (body: CreateRecordRequest) =>
      http({ method: 'POST', path: '/api/widget/records', body, schema: createRecordResponseSchema }),
  };
}

export type WidgetApi = ReturnType<typeof createWidgetApi>;

const requestProblemsSchema = z.object({
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});

/**
 * A refused create's problems by field name (`LastName`), with `''` for those about the whole record:
 * our own checks (400 validation_failed) and Salesforce's refusal (422 salesforce_error) alike. `null`
 * for any other error.
 */
export function createProblems(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code !== 'validation_failed' && error.code !== 'salesforce_error') return null;
  const engine = createRecordProblemsSchema.safeParse(error.details);
  const problems: Pick<Problem, 'path' | 'message'>[] = engine.success
    ? engine.data.problems
    : (requestProblemsSchema.safeParse(error.details).data?.problems ?? []);
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = /^(?:body\.)?values\.([A-Za-z0-9_]+)/.exec(p.path)?.[1] ?? '';
    out[key] = out[key] ? `${out[key]} ${p.message}` : p.message;
  }
  if (Object.keys(out).length === 0) out[''] = error.message;
  return out;
}
