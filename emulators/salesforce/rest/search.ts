import { z } from 'zod';
import { SalesforceError, invalidSearch, malformedSearch } from '../errors';
import { parseSosl } from '../sosl/parse';
import { runSearch } from '../sosl/run';
import { parseTerm, searchSyntaxError } from '../sosl/term';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

function search(ctx: ApiContext, request: ApiRequest, sosl: string): ApiResponse {
  const evalContext = { org: ctx.org, version: request.version, now: ctx.now, source: sosl };
  return { status: 200, body: runSearch(evalContext, parseSosl(sosl)) };
}

/** `GET /search?q=FIND {…} …` */
export function soslSearch(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const q = request.query.get('q');
  if (q === null || q.trim() === '') {
    throw malformedSearch('No search term found. The search term must be enclosed in braces.');
  }
  return search(ctx, request, q);
}

const SCOPES = ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'] as const;

const sobjectSpec = z.object({
  name: z.string().min(1),
  fields: z.array(z.string()).optional(),
  limit: z.number().int().positive().optional(),
  where: z.string().optional(),
  orderBy: z.string().optional(),
});
type SobjectSpec = z.infer<typeof sobjectSpec>;

const parameterizedBody = z.object({
  q: z.string().min(1),
  in: z.string().optional(),
  fields: z.array(z.string()).optional(),
  sobjects: z.array(sobjectSpec).optional(),
  overallLimit: z.number().int().positive().optional(),
  defaultLimit: z.number().int().positive().optional(),
});
type ParameterizedSearch = z.infer<typeof parameterizedBody>;

/**
 * `q` becomes the FIND search string as sent: "replacing FIND searchString IN ALL FIELDS by just
 * including the search string" (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search_parameterized_get.htm),
 * so its reserved characters must be escaped by the client, as in FIND. An unescaped `}` would
 * end the term early; it is refused here as the mismatched character it is.
 */
function checkSearchString(q: string): void {
  const wrapped = `FIND {${q}}`;
  const { end } = parseTerm(wrapped, 'FIND {'.length);
  if (end !== wrapped.length - 1) {
    throw searchSyntaxError(wrapped, end, "mismatched character '}' expecting '<EOF>'");
  }
}

/** Writes a parameterized search as the equivalent SOSL, so one engine answers both. */
function toSosl(params: ParameterizedSearch): string {
  const scope = (params.in ?? 'ALL').toUpperCase();
  if (!(SCOPES as readonly string[]).includes(scope))
    throw invalidSearch(`Invalid search scope: ${params.in}`);
  const returning = (params.sobjects ?? []).map((spec: SobjectSpec) => {
    const fields = spec.fields ?? params.fields ?? ['Id'];
    const limit = spec.limit ?? params.defaultLimit;
    const parts = [fields.join(', ')];
    if (spec.where) parts.push(`WHERE ${spec.where}`);
    if (spec.orderBy) parts.push(`ORDER BY ${spec.orderBy}`);
    if (limit !== undefined) parts.push(`LIMIT ${limit}`);
    return `${spec.name}(${parts.join(' ')})`;
  });
  checkSearchString(params.q);
  let sosl = `FIND {${params.q}} IN ${scope} FIELDS`;
  if (returning.length > 0) sosl += ` RETURNING ${returning.join(', ')}`;
  if (params.overallLimit !== undefined) sosl += ` LIMIT ${params.overallLimit}`;
  return sosl;
}

/** Reads `GET /parameterizedSearch?q=…&sobject=Contact&Contact.fields=Id,Name&Contact.limit=5&in=EMAIL`. */
function fromQueryString(query: URLSearchParams): unknown {
  const names = query
    .getAll('sobject')
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  const number = (value: string | null) => (value === null ? undefined : Number(value));
  const list = (value: string | null) => (value === null ? undefined : value.split(',').map((s) => s.trim()));
  return {
    q: query.get('q') ?? '',
    in: query.get('in') ?? undefined,
    fields: list(query.get('fields')),
    overallLimit: number(query.get('overallLimit')),
    defaultLimit: number(query.get('defaultLimit')),
    sobjects: names.map((name) => ({
      name,
      fields: list(query.get(`${name}.fields`)),
      limit: number(query.get(`${name}.limit`)),
      where: query.get(`${name}.where`) ?? undefined,
      orderBy: query.get(`${name}.orderBy`) ?? undefined,
    })),
  };
}

/** `GET|POST /parameterizedSearch`: a plain search string with parameters instead of SOSL. */
export function parameterizedSearch(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const input = request.method === 'GET' ? fromQueryString(request.query) : request.body;
  const parsed = parameterizedBody.safeParse(input);
  if (!parsed.success) {
    const missingQ = parsed.error.issues.some((issue) => issue.path[0] === 'q');
    throw new SalesforceError(400, [
      {
        errorCode: missingQ ? 'MISSING_ARGUMENT' : 'INVALID_SEARCH',
        message: missingQ ? "Missing argument: 'q'" : (parsed.error.issues[0]?.message ?? 'invalid search'),
      },
    ]);
  }
  return search(ctx, request, toSosl(parsed.data));
}
