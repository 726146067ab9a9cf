/** Helpers for the LiveChat emulator tests: a started emulator with a manual clock, and small HTTP helpers. */
import {
  createLiveChatEmulator,
  demoClient,
  type LiveChatEmulator,
  type LiveChatEmulatorOptions,
} from '../../../emulators/livechat';
import { nora, olivia, oscar } from '../../support/factories/people';

export interface ManualClock {
  now(): Date;
  advance(seconds: number): void;
}

export function manualClock(start = new Date('2025-03-10T12:00:00.000Z')): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds) => {
      now += seconds * 1000;
    },
  };
}

export interface Started {
  emulator: LiveChatEmulator;
  url: string;
  clock: ManualClock;
  /** Access token of the demo client for an agent (all scopes unless given). */
  tokenFor(email: string, scopes?: string[]): string;
  close(): Promise<void>;
}

export async function startEmulator(options: LiveChatEmulatorOptions = {}): Promise<Started> {
  const clock = manualClock();
  const emulator = createLiveChatEmulator({
    clock,
    webhooks: { retryDelaysMs: [20, 40, 80], timeoutMs: 2000 },
    ...options,
  });
  const url = await emulator.listen(0);
  return {
    emulator,
    url,
    clock,
    tokenFor: (email, scopes) =>
      emulator.admin.issueAgentToken(email, { clientId: demoClient.clientId, ...(scopes && { scopes }) }),
    close: () => emulator.close(),
  };
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * `POST /v3.5/<api>/action/<action>` with a Bearer token and, as LiveChat's SDKs send it, the
 * token's region in `X-Region` (`region` overrides it; `null` sends none).
 */
export async function action<T = unknown>(
  url: string,
  api: 'agent' | 'configuration',
  name: string,
  token: string | undefined,
  body: unknown = {},
  region?: string | null,
): Promise<JsonResponse<T>> {
  const sent = region === undefined ? /^([a-z]+):/.exec(token ?? '')?.[1] : region;
  const res = await fetch(`${url}/v3.5/${api}/action/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...(sent ? { 'x-region': sent } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function getJson<T = unknown>(url: string, init?: RequestInit): Promise<JsonResponse<T>> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export const demoOwner = olivia.email;
export const demoNormal = nora.email;
export const otherOwnerEmail = oscar.email;
