import type { z } from 'zod';
import { pathOf, type CallArgs, type Endpoint, type SuccessOf } from '../../src/api/endpoint';
import { ApiError } from './ApiError';

export interface HttpDeps {
  /** '' for the same origin. */
  baseUrl: string;
  /** The current LiveChat access token (re-authorized silently when it has expired). */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The success shape; `null` for 204 answers. */
  schema: S | null;
  /** Public endpoints (public-config) are called without a token. */
  auth?: boolean;
}

export type Http = <S extends z.ZodType>(options: RequestOptions<S>) => Promise<z.infer<S>>;

/** One JSON request: bearer token, error body → ApiError, success body parsed with the contract's schema. */
export function createHttp(deps: HttpDeps): Http {
  const doFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async function request<S extends z.ZodType>(options: RequestOptions<S>): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.auth !== false) headers.authorization = `Bearer ${await deps.getToken()}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    const url = `${deps.baseUrl}${options.path}${qs ? `?${qs}` : ''}`;

    let res: Response;
    try {
      res = await doFetch(url, {
        method: options.method ?? 'GET',
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      });
    } catch {
      throw new ApiError(
        0,
        'upstream_unavailable',
        'Could not reach Salesforce for LiveChat. Check your connection and try again.',
      );
    }

    const text = await res.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!res.ok) throw ApiError.fromBody(res.status, body);
    if (options.schema === null) return undefined as z.infer<S>;
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        res.status,
        'internal',
        'The server sent an answer this page does not understand. Reload the page.',
      );
    }
    return parsed.data;
  };
}

/** Calls one endpoint of the contract (src/api/endpoints.ts): its path, method, input and answer typed by its entry. */
export type Call = <E extends Endpoint>(endpoint: E, ...input: CallArgs<E>) => Promise<SuccessOf<E>>;

export function createCall(http: Http): Call {
  return (endpoint, ...[input]) => {
    const given = (input ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    return http({
      method: endpoint.method,
      path: pathOf(endpoint, given.params),
      ...(given.query !== undefined && { query: given.query as RequestOptions<z.ZodType>['query'] }),
      ...(given.body !== undefined && { body: given.body }),
      schema: endpoint.success,
      auth: endpoint.access !== 'public',
    }) as never;
  };
}
