import express from 'express';
import type { Request, Response, Router } from 'express';
import {
  SalesforceError,
  invalidSession,
  jsonParserError,
  notFound,
  requestLimitExceeded,
  unknownException,
} from '../errors';
import { GATEWAY_502_HTML, faultError } from '../faults';
import type { Fault } from '../faults';
import { JSON_TYPE, bearerToken, headerMap, originOf } from '../http-util';
import type { CallKind, Org } from '../org';
import type { AccessSession } from '../sessions';
import type { EmulatorState } from '../state';
import { versionsList } from './resources';
import { route } from './router';
import type { ApiContext, ApiRequest, ApiResponse, Route } from './types';

const VERSIONED = /^\/v(\d+\.\d)(\/.*)?$/;

function errorResponse(error: unknown): ApiResponse {
  if (error instanceof SalesforceError) return { status: error.status, body: error.items };
  console.error('[salesforce emulator] unexpected error', error);
  const fallback = unknownException();
  return { status: fallback.status, body: fallback.items };
}

/** Parses a JSON body the way Salesforce reports bad JSON (JSON_PARSER_ERROR). */
function parseBody(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid JSON';
    const position = /position (\d+)/.exec(detail)?.[1];
    const index = position === undefined ? 0 : Number(position);
    const character = raw.charAt(index);
    const before = raw.slice(0, index);
    const line = before.split('\n').length;
    const column = index - before.lastIndexOf('\n');
    throw jsonParserError(
      `Unexpected character ('${character}' (code ${character.charCodeAt(0) || 0})): ${detail} at [line:${line}, column:${column}]`,
    );
  }
}

/** Runs one call in an org's context (HTTP calls and composite subrequests alike). */
export function dispatchIn(ctx: Omit<ApiContext, 'dispatch'>, request: ApiRequest): ApiResponse {
  const full: ApiContext = { ...ctx, dispatch: (sub) => dispatchIn(ctx, sub) };
  try {
    return route(request.method, request.path).handler(full, request);
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Writes an answer. `Date` comes from the emulator's clock, so a client can send it back as
 * `If-Modified-Since` (https://developer.salesforce.com/docs/platform/api-rest/guide/sobject-describe-with-ifmodified-header.md
 * shows the answers carrying `Date`). `Sforce-Limit-Info: api-usage=<used>/<limit>` is on every
 * answer of an org's call, but not on the versions list
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).
 */
function send(state: EmulatorState, res: Response, response: ApiResponse, org: Org | undefined): void {
  res.status(response.status);
  res.setHeader('Date', state.clock.now().toUTCString());
  if (org) res.set('Sforce-Limit-Info', `api-usage=${org.apiUsage}/${org.settings.dailyApiLimit}`);
  for (const [key, value] of Object.entries(response.headers ?? {})) res.set(key, value);
  if (response.raw) {
    res.setHeader('content-type', response.raw.contentType);
    res.end(response.raw.data);
    return;
  }
  if (response.status === 204 || response.status === 304 || response.body === undefined) {
    res.end();
    return;
  }
  res.setHeader('content-type', JSON_TYPE);
  res.send(Buffer.from(JSON.stringify(response.body)));
}

/**
 * The client name of `Sforce-Call-Options: client=<name>[, defaultNamespace=<ns>]` (`, ` or `; `
 * between keys; https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_calloptions.htm).
 */
export function callOptionsClient(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/[,;]/)) {
    const [key, ...rest] = part.split('=');
    if (key?.trim().toLowerCase() === 'client' && rest.length > 0) return rest.join('=').trim() || undefined;
  }
  return undefined;
}

function logCall(
  state: EmulatorState,
  org: Org,
  req: Request,
  kind: CallKind,
  status: number,
  counted: boolean,
) {
  const client = callOptionsClient(req.get('sforce-call-options'));
  org.calls.push({
    method: req.method,
    path: req.originalUrl,
    status,
    kind,
    time: state.clock.now().toISOString(),
    counted,
    ...(client === undefined ? {} : { client }),
  });
}

function authenticate(state: EmulatorState, req: Request): AccessSession | undefined {
  const token = bearerToken(req);
  if (!token) return undefined;
  return state.sessions.useAccessToken(
    token,
    state.clock.now().getTime(),
    (orgId) => state.orgs.get(orgId)?.settings.sessionTimeoutMs ?? 0,
  );
}

/** `/services/data/…`: auth, faults, the daily limit, counting, logging, then the call itself. */
export function restRoutes(state: EmulatorState): Router {
  const router = express.Router();
  router.use('/services/data', express.text({ type: () => true, limit: '20mb' }), (req, res) => {
    handle(state, req, res);
  });
  return router;
}

function handle(state: EmulatorState, req: Request, res: Response): void {
  const path = req.path;
  if (path === '/' || path === '') {
    if (req.method !== 'GET') {
      send(state, res, errorResponse(notFound()), undefined);
      return;
    }
    send(state, res, { status: 200, body: versionsList() }, undefined);
    return;
  }
  const match = VERSIONED.exec(path);
  if (!match?.[1]) {
    send(state, res, errorResponse(notFound()), undefined);
    return;
  }
  const version = match[1];
  const subPath = (match[2] ?? '').replace(/\/$/, '');
  const session = authenticate(state, req);
  const org = session ? state.orgs.get(session.orgId) : undefined;
  if (!session || !org) {
    send(state, res, errorResponse(invalidSession()), undefined);
    return;
  }
  const called = route(req.method, subPath);
  const fault = state.faults.take('api', org.id, req.method);
  if (fault?.kind === 'hang') {
    // Held until the faults are cleared (then answered as usual, if the client still waits) or the
    // emulator closes, so callers' deadlines can be tested.
    state.faults.hold(req, res, () => answer(state, req, res, { session, org, version, subPath, called }));
    return;
  }
  if (fault !== undefined) {
    answerFault(state, req, res, org, called.kind, subPath, fault);
    return;
  }
  answer(state, req, res, { session, org, version, subPath, called });
}

const ID_IN_PATH = /^\/sobjects\/[^/]+\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)$/;

function answerFault(
  state: EmulatorState,
  req: Request,
  res: Response,
  org: Org,
  kind: CallKind,
  subPath: string,
  fault: Fault,
): void {
  if (fault.kind === 'HTML_502') {
    logCall(state, org, req, kind, 502, false);
    res.status(502);
    res.setHeader('content-type', 'text/html');
    res.end(Buffer.from(GATEWAY_502_HTML));
    return;
  }
  const recordId =
    fault.recordId ?? ID_IN_PATH.exec(subPath)?.[1] ?? String(org.store.all('Account')[0]?.Id ?? '');
  const response = errorResponse(faultError(fault.kind, recordId) ?? unknownException());
  logCall(state, org, req, kind, response.status, false);
  send(state, res, response, org);
}

interface Call {
  session: AccessSession;
  org: Org;
  version: string;
  subPath: string;
  called: Route;
}

/** The daily limit, counting, the handler and the log of one call. */
function answer(state: EmulatorState, req: Request, res: Response, call: Call): void {
  const { session, org, version, subPath } = call;
  const { kind, handler } = call.called;
  if (org.apiUsage >= org.settings.dailyApiLimit) {
    const response = errorResponse(requestLimitExceeded());
    logCall(state, org, req, kind, response.status, false);
    send(state, res, response, org);
    return;
  }
  org.apiUsage += 1;
  const rawBody = typeof req.body === 'string' && req.body !== '' ? req.body : undefined;
  const query = new URLSearchParams(
    req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '',
  );
  const ctx: Omit<ApiContext, 'dispatch'> = {
    state,
    org,
    session,
    now: state.clock.now(),
    origin: originOf(state, req),
  };
  let response: ApiResponse;
  try {
    const request: ApiRequest = {
      method: req.method,
      path: subPath,
      version,
      query,
      headers: headerMap(req),
      body: parseBody(rawBody),
      rawBody,
    };
    response = handler({ ...ctx, dispatch: (sub) => dispatchIn(ctx, sub) }, request);
  } catch (error) {
    response = errorResponse(error);
  }
  logCall(state, org, req, kind, response.status, true);
  send(state, res, response, org);
}
