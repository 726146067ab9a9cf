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
import { faultError } from '../faults';
import { JSON_TYPE, bearerToken, headerMap, originOf } from '../http-util';
import type { CallKind, Org } from '../org';
import type { AccessSession } from '../sessions';
import type { EmulatorState } from '../state';
import { versionsList } from './resources';
import { route } from './router';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

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

function send(res: Response, response: ApiResponse, org: Org | undefined): void {
  res.status(response.status);
  if (org) res.set('Sforce-Limit-Info', `api-usage=${org.apiUsage}/${org.settings.dailyApiLimit}`);
  for (const [key, value] of Object.entries(response.headers ?? {})) res.set(key, value);
  if (response.status === 204 || response.status === 304 || response.body === undefined) {
    res.end();
    return;
  }
  res.setHeader('content-type', JSON_TYPE);
  res.send(Buffer.from(JSON.stringify(response.body)));
}

function logCall(
  state: EmulatorState,
  org: Org,
  req: Request,
  kind: CallKind,
  status: number,
  counted: boolean,
) {
  org.calls.push({
    method: req.method,
    path: req.originalUrl,
    status,
    kind,
    time: state.clock.now().toISOString(),
    counted,
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
      send(res, errorResponse(notFound()), undefined);
      return;
    }
    send(res, { status: 200, body: versionsList() }, undefined);
    return;
  }
  const match = VERSIONED.exec(path);
  if (!match?.[1]) {
    send(res, errorResponse(notFound()), undefined);
    return;
  }
  const version = match[1];
  const subPath = (match[2] ?? '').replace(/\/$/, '');
  const session = authenticate(state, req);
  const org = session ? state.orgs.get(session.orgId) : undefined;
  if (!session || !org) {
    send(res, errorResponse(invalidSession()), undefined);
    return;
  }
  const { kind, handler } = route(req.method, subPath);
  const fault = state.faults.take('api', org.id);
  if (fault !== undefined) {
    const response = errorResponse(faultError(fault));
    logCall(state, org, req, kind, response.status, false);
    send(res, response, org);
    return;
  }
  if (org.apiUsage >= org.settings.dailyApiLimit) {
    const response = errorResponse(requestLimitExceeded());
    logCall(state, org, req, kind, response.status, false);
    send(res, response, org);
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
  send(res, response, org);
}
