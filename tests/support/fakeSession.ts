import { expect } from 'vitest';
import type { LiveChatAuth, LiveChatToken } from '../../ui/auth/liveChatAuth';

/**
 * What the frontends' LiveChat session talks to, faked for unit tests of `ui/auth/sessionController.ts`
 * and its users: the app's API (answers by path, each request noted as it leaves) and accounts-sdk's
 * hidden iframe (answering when the test says).
 */

export const publicConfig = {
  livechat: { clientId: 'client-1', accountsUrl: 'https://accounts.example' },
  demo: false,
};

export const me = {
  agent: { accountId: 'a-1', email: 'nora@example.com', name: 'Nora', role: 'normal', licenseId: 'lic-1' },
  canConfigure: false,
};

export const token: LiveChatToken = {
  accessToken: 'token-1',
  expiresAt: Date.now() + 8 * 3600_000,
  scopes: [],
  accountId: 'a-1',
  organizationId: 'lic-1',
};

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The app's API: JSON answers by path (404 for the others); `requests` notes path, query and bearer token. */
export function fakeBackend(answers: Record<string, () => Promise<unknown>>) {
  const requests: Array<{ path: string; authorization: string | null }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://app.example');
    requests.push({
      path: `${url.pathname}${url.search}`,
      authorization: new Headers(init?.headers).get('authorization'),
    });
    const answer = answers[url.pathname];
    if (!answer) {
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'not in this test' } }), {
        status: 404,
      });
    }
    return new Response(JSON.stringify(await answer()), { status: 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** LiveChat's sign-in whose hidden iframe answers when the test says (`silent[n].resolve(token)`). */
export function fakeAuth() {
  const silent: Array<ReturnType<typeof deferred<LiveChatToken>>> = [];
  const auth: LiveChatAuth = {
    signInSilently: () => {
      const d = deferred<LiveChatToken>();
      silent.push(d);
      return d.promise;
    },
    signInWithPopup: () => Promise.reject(new Error('no popup in this test')),
    authorizationCode: () => Promise.reject(new Error('no code in this test')),
  };
  return { auth, silent };
}

export const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Lets the promises run until `check` holds (a hundred turns at most), then asserts it. */
export async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await settled();
  expect(check()).toBe(true);
}
