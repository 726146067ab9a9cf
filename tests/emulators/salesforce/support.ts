/**
 * Helpers for the Salesforce emulator tests: a started emulator with a manual clock, the OAuth
 * flow done over plain HTTP, and jsforce loaded only after the proxy variables are gone
 * (jsforce reads them at load time and ignores NO_PROXY; reference §1).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Connection, OAuth2 } from 'jsforce';
import * as people from '../../support/factories/people';
import {
  createSalesforceEmulator,
  demoConnectedApp,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../emulators/salesforce';

for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[name];

type JsforceModule = typeof import('jsforce');

/** jsforce, imported after the proxy variables were removed. */
export async function loadJsforce(): Promise<JsforceModule> {
  return await import('jsforce');
}

export const API_VERSION = '62.0';
export const REDIRECT_URI = 'http://localhost:3000/oauth/callback';
export const demoApp = demoConnectedApp;
/** Usernames of the seeded Salesforce users (their emails in the demo world). */
export const nora = people.nora.email;
export const olivia = people.olivia.email;
export const oscar = people.oscar.email;

export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
}

export function manualClock(start = new Date('2026-02-10T12:00:00.000Z')): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

export interface Started {
  emulator: SalesforceEmulator;
  url: string;
  clock: ManualClock;
  demoOrgId: string;
  otherOrgId: string;
  close(): Promise<void>;
}

export async function startEmulator(options: SalesforceEmulatorOptions = {}): Promise<Started> {
  const clock = manualClock();
  const emulator = createSalesforceEmulator({ clock, ...options });
  const url = await emulator.listen(0);
  const orgs = emulator.admin.orgs();
  return {
    emulator,
    url,
    clock,
    demoOrgId: orgs[0]?.id ?? '',
    otherOrgId: orgs[1]?.id ?? '',
    close: () => emulator.close(),
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Submits the login page's form (Allow) for a user, as a browser would; returns the redirect. */
export async function approve(authorizeUrl: string, username: string, action: 'allow' | 'deny' = 'allow') {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('username', username);
  form.set('action', action);
  const res = await fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

/** The code in a callback URL (throws with the callback's error otherwise). */
export function codeFrom(location: string | null): string {
  const callback = new URL(location ?? 'http://invalid/');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

export interface Connected {
  conn: Connection;
  oauth2: OAuth2;
  refreshes: string[];
}

/** The full web-server flow with PKCE through jsforce: authorize page, Allow, `conn.authorize(code)`. */
export async function connectAs(
  url: string,
  username: string,
  scope = 'api refresh_token id',
): Promise<Connected> {
  const jsforce = await loadJsforce();
  const oauth2 = new jsforce.OAuth2({
    loginUrl: url,
    clientId: demoApp.clientId,
    clientSecret: demoApp.clientSecret,
    redirectUri: REDIRECT_URI,
    useVerifier: true,
  });
  const conn = new jsforce.Connection({ oauth2, version: API_VERSION });
  const redirect = await approve(oauth2.getAuthorizationUrl({ scope, state: 'xyz' }), username);
  await conn.authorize(codeFrom(redirect.location));
  const refreshes: string[] = [];
  conn.on('refresh', (accessToken: string) => refreshes.push(accessToken));
  return { conn, oauth2, refreshes };
}

export interface Raw<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A plain HTTP call to the instance with a Bearer token. */
export async function raw<T = unknown>(
  url: string,
  token: string | null | undefined,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Raw<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text !== '')
    body = JSON.parse(text);
  return { status: res.status, body: body as T, headers: res.headers };
}

/** The error jsforce throws for a call, for asserting on `name`/`errorCode` and `data`. */
export async function errorOf(
  promise: PromiseLike<unknown>,
): Promise<Error & { errorCode?: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string; data?: unknown };
  }
  throw new Error('expected the call to fail');
}
