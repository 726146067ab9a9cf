/**
 * What an endpoint of the app's HTTP API is, as data (method, path, who may call it, the schemas of its
 * input and answer, its error codes), and the types and helpers every side derives from an entry. The
 * entries themselves are in endpoints.ts (all of them) and widgetEndpoints.ts (the Chat Details
 * widget's and the sign-in's, which the widget loads without the settings' schemas).
 */
import type { z } from 'zod';
import type { ErrorCode } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: anyone, any signed-in agent of the license, or its owners and vice-owners. */
export type Access = 'public' | 'agent' | 'owner';

export interface Endpoint {
  method: Method;
  /** The full path, with `:name` for each path parameter. */
  path: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's shape; `null` for an empty answer (204). */
  success: z.ZodType | null;
  /** The success status: 200 unless said. */
  status?: 200 | 201 | 204;
  /** The error codes this endpoint answers with, beyond those of every endpoint (below). */
  errors: readonly ErrorCode[];
}

/** What any endpoint may answer: bad input, a signed-out caller, an unexpected failure. */
export const commonErrors = ['validation_failed', 'bad_request', 'unauthorized', 'internal'] as const;

export const salesforceErrors = [
  'salesforce_error',
  'salesforce_needs_reconnect',
  'salesforce_limit_reached',
] as const;
export const upstreamErrors = ['upstream_unavailable'] as const;

export const define = <const E extends Endpoint>(endpoint: E): E => endpoint;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller sends: only the parts the endpoint has, typed from its schemas' input. */
export type CallInput<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: InputOf<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: InputOf<E['query']> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: InputOf<E['body']> } : { body?: never });

/** A call's arguments after the endpoint: its input, which may be left out when nothing is required. */
export type CallArgs<E extends Endpoint> = E['params'] extends z.ZodType
  ? [CallInput<E>]
  : E['body'] extends z.ZodType
    ? [CallInput<E>]
    : [CallInput<E>?];

/** What a caller gets back on success. */
export type SuccessOf<E extends Endpoint> = E['success'] extends z.ZodType
  ? OutputOf<E['success']>
  : undefined;

/** What a handler answers: the success schema's input (parsing it gives the caller's `SuccessOf`). */
export type ReplyOf<E extends Endpoint> = E['success'] extends z.ZodType ? InputOf<E['success']> : void;

/** The handler's parsed input. */
export interface HandlerInput<E extends Endpoint> {
  params: E['params'] extends z.ZodType ? OutputOf<E['params']> : Record<string, never>;
  query: E['query'] extends z.ZodType ? OutputOf<E['query']> : Record<string, never>;
  body: E['body'] extends z.ZodType ? OutputOf<E['body']> : undefined;
}

/** The endpoint's path with its parameters filled in (each encoded). */
export function pathOf(endpoint: Endpoint, params: Record<string, unknown> = {}): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
