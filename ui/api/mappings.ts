import { z } from 'zod';
import {
  chatFieldCatalogueSchema,
  lookupResultSchema,
  mappingListSchema,
  objectDescribeSchema,
  objectListSchema,
  previewResponseSchema,
  recentChatsSchema,
  savedMappingSchema,
} from '../../src/api/mappings';
import type { Mapping } from '../../src/mapping/mapping';
import { problemSchema, type Problem } from '../../src/mapping/problems';
import { ApiError } from './ApiError';
import type { Http } from './http';

const id = (value: string) => encodeURIComponent(value);

/**
 * The object-mapping endpoints of the settings API, one small function each, answers parsed with
 * `src/api/mappings`'s schemas. Wire it with the same `Http` as the main client:
 * `createMappingsApi(createHttp({ baseUrl, getToken }))`.
 */
export function createMappingsApi(http: Http) {
  return {
    listObjects: (accountId: string) =>
      http({ path: `/api/settings/accounts/${id(accountId)}/objects`, schema: objectListSchema }).then(
        (r) => r.objects,
      ),
    describeObject: (accountId: string, objectName: string) =>
      http({
        path: `/api/settings/accounts/${id(accountId)}/objects/${id(objectName)}`,
        schema: objectDescribeSchema,
      }).then((r) => r.object),
    lookupRecords: (accountId: string, object: string, q: string) =>
      http({
        path: `/api/settings/accounts/${id(accountId)}/lookup`,
        query: { object, q },
        schema: lookupResultSchema,
      }).then((r) => r.records),

    listMappings: (accountId: string) =>
      http({ path: `/api/settings/accounts/${id(accountId)}/mappings`, schema: mappingListSchema }).then(
        (r) => r.mappings,
      ),
    createMapping: (accountId: string, mapping: Mapping) =>
      http({
        method: 'POST',
        path: `/api/settings/accounts/${id(accountId)}/mappings`,
        body: mapping,
        schema: savedMappingSchema,
      }),
    updateMapping: (mappingId: string, mapping: Mapping) =>
      http({
        method: 'PUT',
        path: `/api/settings/mappings/${id(mappingId)}`,
        body: mapping,
        schema: savedMappingSchema,
      }),
    deleteMapping: (mappingId: string) =>
      http({ method: 'DELETE', path: `/api/settings/mappings/${id(mappingId)}`, schema: null }),

    getChatFields: () => http({ path: '/api/settings/chat-fields', schema: chatFieldCatalogueSchema }),
    scanChatFields: () =>
      http({ method: 'POST', path: '/api/settings/chat-fields/scan', schema: chatFieldCatalogueSchema }),
    listRecentChats: () =>
      http({ path: '/api/settings/chats/recent', schema: recentChatsSchema }).then((r) => r.chats),
    previewMapping: (accountId: string, mapping: Mapping, chatId: string) =>
      http({
        method: 'POST',
        path: `/api/settings/accounts/${id(accountId)}/mappings/preview`,
        body: { mapping, chatId },
        schema: previewResponseSchema,
      }),
  };
}

export type MappingsApi = ReturnType<typeof createMappingsApi>;

const mappingProblemsSchema = z.object({ problems: z.array(problemSchema) });
const requestProblemsSchema = z.object({
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});

/**
 * The problems of a refused mapping (400 `validation_failed`): the engine's field-level problems as they
 * are, or the request-shape problems (`body.fields.2.source`) turned into problems of the mapping's paths.
 * `null` for any other error.
 */
export function mappingProblems(error: unknown): Problem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const engine = mappingProblemsSchema.safeParse(error.details);
  if (engine.success) return engine.data.problems;
  const shape = requestProblemsSchema.safeParse(error.details);
  if (!shape.success) return [];
  return shape.data.problems.map((p) => ({
    path: p.path.replace(/^body\.(mapping\.)?/, ''),
    code: 'invalid_value',
    severity: 'error',
    message: p.message,
  }));
}
