import { z } from 'zod';
import { SalesforceError } from '../errors';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;

export const subrequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']),
  url: z.string().min(1),
  referenceId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_]*$/),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
});
const compositeSchema = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(subrequestSchema).min(1),
});
export type Subrequest = z.infer<typeof subrequestSchema>;

export interface SubResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

export const ROLLED_BACK = [
  {
    errorCode: 'PROCESSING_HALTED',
    message: 'The transaction was rolled back since another operation in the same transaction failed.',
  },
];

export const invalidInput = (message: string) =>
  new SalesforceError(400, [{ errorCode: 'INVALID_INPUT', message }]);

class MissingReference extends Error {}

export const REFERENCE = /@\{([A-Za-z0-9][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

/** The value at `.records[0].Id` in a previous subrequest's body. */
function lookup(results: Map<string, SubResult>, refId: string, path: string): unknown {
  const result = results.get(refId);
  const reference = `${refId}${path}`;
  if (!result || result.httpStatusCode >= 400) {
    throw new MissingReference(
      `Invalid reference specified. No value for ${reference} found in ${refId}. Provided referenceId ('${refId}') must be a referenceId of a previous successful subrequest.`,
    );
  }
  let current: unknown = result.body;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string | number, unknown>)[key]
        : undefined;
  }
  if (current === undefined || current === null) {
    throw new MissingReference(`Invalid reference specified. No value for ${reference} found in ${refId}.`);
  }
  return current;
}

/** Replaces `@{ref.path}` references; a string that is only a reference takes the value's own type. */
function substitute(value: unknown, results: Map<string, SubResult>): unknown {
  if (typeof value === 'string') {
    const whole = new RegExp(`^${REFERENCE.source}$`).exec(value);
    if (whole?.[1]) return lookup(results, whole[1], whole[2] ?? '');
    return value.replace(REFERENCE, (_, refId: string, path: string) => String(lookup(results, refId, path)));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  }
  return value;
}

const isQuery = (sub: Subrequest) =>
  /\/(query|queryAll)(\/|\?|$)/.test(sub.url) || /\/composite\/sobjects/.test(sub.url);

/** Turns a subrequest URL (`/services/data/v62.0/sobjects/Lead?x=1`) into a call. */
export function toApiRequest(
  outer: ApiRequest,
  sub: Subrequest,
  url: string,
  body: unknown,
): ApiRequest | undefined {
  const parsed = new URL(url, 'http://composite.invalid');
  const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(parsed.pathname);
  if (!match?.[1]) return undefined;
  const headers: Record<string, string | undefined> = { ...outer.headers };
  for (const [key, value] of Object.entries(sub.httpHeaders ?? {})) headers[key.toLowerCase()] = value;
  return {
    method: sub.method,
    path: (match[2] ?? '').replace(/\/$/, ''),
    version: match[1],
    query: parsed.searchParams,
    headers,
    body,
    rawBody: body === undefined ? undefined : JSON.stringify(body),
  };
}

export function runSubrequest(
  ctx: ApiContext,
  outer: ApiRequest,
  sub: Subrequest,
  results: Map<string, SubResult>,
): SubResult {
  const base = { referenceId: sub.referenceId, httpHeaders: {} };
  let url: string;
  let body: unknown;
  try {
    url = substitute(sub.url, results) as string;
    body = substitute(sub.body, results);
  } catch (error) {
    if (!(error instanceof MissingReference)) throw error;
    return {
      ...base,
      httpStatusCode: 400,
      body: [{ errorCode: 'PROCESSING_HALTED', message: error.message }],
    };
  }
  const request = toApiRequest(outer, sub, url, body);
  const response: ApiResponse = !request
    ? { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] }
    : request.path.startsWith('/ui-api/')
      ? // UI API resources cannot be batched: INVALID_BATCH_REQUEST (as a real org answers; the
        // composite docs list the resources a subrequest may name, and ui-api is not one of them).
        {
          status: 400,
          body: [
            {
              errorCode: 'INVALID_BATCH_REQUEST',
              message: 'ui-api resources are not supported in a composite request',
            },
          ],
        }
      : ctx.dispatch(request);
  return {
    body: response.body ?? null,
    httpHeaders: response.headers?.Location ? { Location: response.headers.Location } : {},
    httpStatusCode: response.status,
    referenceId: sub.referenceId,
  };
}

/** `POST /composite`: subrequests in order, with references and optional all-or-none rollback. */
export function composite(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const parsed = compositeSchema.safeParse(request.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue?.path.join('.') || 'compositeRequest'}: ${issue?.message ?? 'invalid'}`);
  }
  const { allOrNone = false, compositeRequest } = parsed.data;
  if (compositeRequest.length > MAX_SUBREQUESTS) {
    throw invalidInput(`Composite request may contain at most ${MAX_SUBREQUESTS} subrequests`);
  }
  if (compositeRequest.filter(isQuery).length > MAX_QUERIES) {
    throw invalidInput(
      `Composite request may contain at most ${MAX_QUERIES} query or sObject Collections subrequests`,
    );
  }
  const ids = new Set<string>();
  for (const sub of compositeRequest) {
    if (ids.has(sub.referenceId))
      throw invalidInput(`Duplicate referenceId provided in the request: ${sub.referenceId}`);
    ids.add(sub.referenceId);
    const forbidden = Object.keys(sub.httpHeaders ?? {}).find((h) =>
      ['authorization', 'content-type', 'accept'].includes(h.toLowerCase()),
    );
    if (forbidden) throw invalidInput(`The ${forbidden} header can't be set in a subrequest`);
  }
  const snapshot = ctx.org.store.snapshot();
  const results = new Map<string, SubResult>();
  const ordered: SubResult[] = [];
  let failed: SubResult | undefined;
  for (const sub of compositeRequest) {
    const result = runSubrequest(ctx, request, sub, results);
    results.set(sub.referenceId, result);
    ordered.push(result);
    if (allOrNone && result.httpStatusCode >= 400) {
      failed = result;
      break;
    }
  }
  if (!failed) return { status: 200, body: { compositeResponse: ordered } };
  ctx.org.store.restore(snapshot);
  const compositeResponse = compositeRequest.map((sub) =>
    sub.referenceId === failed.referenceId
      ? failed
      : { body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId },
  );
  return { status: 200, body: { compositeResponse } };
}
