import type { MeResponse, PublicConfig } from '../../src/api/session';
import { ApiError, errorMessage } from '../api/ApiError';
import type { HttpDeps } from '../api/http';
import type { SessionApi } from '../api/session';
import { inlinedPublicConfig } from './inlinedPublicConfig';
import {
  createLiveChatAuth,
  describeSignInError,
  type LiveChatAuth,
  type LiveChatToken,
} from './liveChatAuth';

export type LiveChatSession<Api extends SessionApi = SessionApi> =
  | { status: 'loading' }
  | {
      status: 'signed-out';
      /** Opens LiveChat's sign-in popup; call it from a click handler. */
      signIn: () => void;
      signingIn: boolean;
      /** Why the last attempt failed, in plain words. */
      problem: string | null;
      publicConfig: PublicConfig;
    }
  | {
      status: 'signed-in';
      token: string;
      me: MeResponse;
      publicConfig: PublicConfig;
      api: Api;
      auth: LiveChatAuth;
    }
  | { status: 'error'; message: string; retry: () => void };

export interface SessionControllerDeps<Api extends SessionApi> {
  /**
   * The frontend's API client, given the token source: the settings' whole client, or the widget's
   * own (only its endpoints' schemas, so its bundle stays small).
   */
  createApi: (http: HttpDeps) => Api;
  /** public-config written into the page, if any (default: read from the document); else it is asked for. */
  initialPublicConfig?: () => PublicConfig | null;
  baseUrl?: string;
  createAuth?: (config: { clientId: string; accountsUrl: string }) => LiveChatAuth;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => () => void;
  fetch?: typeof fetch;
}

/** Re-authorize this long before the token expires. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The LiveChat sign-in state machine behind `SessionGate`, without React: loads public-config, tries the
 * hidden-iframe sign-in, falls back to a "Sign in with LiveChat" button (popup), asks /api/me who the
 * token belongs to, and keeps the token fresh (one shared in-flight silent re-authorization). API calls
 * made while the first sign-in runs wait for its token (no sign-in of their own), so a frontend can ask
 * for its first data while it signs in: the request leaves with the token, beside /api/me.
 */
export function createSessionController<Api extends SessionApi>(
  deps: SessionControllerDeps<Api>,
): SessionController<Api> {
  const now = deps.now ?? Date.now;
  const setTimer =
    deps.setTimer ??
    ((fn: () => void, ms: number) => {
      // setTimeout overflows past ~24.8 days; tokens live hours.
      const t = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
      return () => clearTimeout(t);
    });
  const createAuth = deps.createAuth ?? createLiveChatAuth;

  let state: LiveChatSession<Api> = { status: 'loading' };
  const listeners = new Set<() => void>();
  let token: LiveChatToken | null = null;
  let refreshing: Promise<LiveChatToken> | null = null;
  /** The token of the sign-in `start()` is running (public-config, then the hidden iframe), until it settles. */
  let firstToken: Promise<LiveChatToken> | null = null;
  let cancelTimer: (() => void) | null = null;
  let auth: LiveChatAuth | null = null;
  let publicConfig: PublicConfig | null = null;
  let attempt = 0;
  let started = false;

  const api = deps.createApi({
    baseUrl: deps.baseUrl ?? '',
    getToken,
    ...(deps.fetch && { fetch: deps.fetch }),
  });

  function set(next: LiveChatSession<Api>) {
    state = next;
    for (const l of listeners) l();
  }

  function signedOut(problem: string | null, signingIn = false) {
    token = null;
    cancelTimer?.();
    cancelTimer = null;
    set({ status: 'signed-out', signIn, signingIn, problem, publicConfig: publicConfig! });
  }

  function scheduleRefresh(t: LiveChatToken) {
    cancelTimer?.();
    cancelTimer = setTimer(
      () => {
        void refreshSilently().catch(() => undefined);
      },
      Math.max(0, t.expiresAt - REFRESH_MARGIN_MS - now()),
    );
  }

  function adopt(t: LiveChatToken) {
    token = t;
    scheduleRefresh(t);
  }

  /** One silent re-authorization at a time; when it fails, the agent is signed out (with the button). */
  function refreshSilently(): Promise<LiveChatToken> {
    if (!auth) return Promise.reject(new Error('Not started.'));
    refreshing ??= auth
      .signInSilently()
      .then((t) => {
        adopt(t);
        if (state.status === 'signed-in') set({ ...state, token: t.accessToken });
        return t;
      })
      .catch((e: unknown) => {
        signedOut('Your LiveChat sign-in has expired. Sign in again to continue.');
        throw e;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function getToken(): Promise<string> {
    if (token && now() < token.expiresAt - REFRESH_MARGIN_MS) return token.accessToken;
    try {
      return (await (firstToken ?? refreshSilently())).accessToken;
    } catch {
      throw new ApiError(
        401,
        'unauthorized',
        'Your LiveChat sign-in has expired. Sign in again to continue.',
      );
    }
  }

  async function finishSignIn(t: LiveChatToken, myAttempt: number) {
    adopt(t);
    try {
      const me = await api.getMe();
      if (myAttempt !== attempt) return;
      set({ status: 'signed-in', token: t.accessToken, me, publicConfig: publicConfig!, api, auth: auth! });
    } catch (e) {
      if (myAttempt !== attempt) return;
      if (e instanceof ApiError && e.status === 401) {
        signedOut(`Salesforce for LiveChat could not verify your LiveChat sign-in: ${e.message}`);
      } else {
        token = null;
        set({ status: 'error', message: errorMessage(e), retry: start });
      }
    }
  }

  function signIn() {
    if (!auth || state.status !== 'signed-out') return;
    const myAttempt = ++attempt;
    set({ ...state, signingIn: true, problem: null });
    auth.signInWithPopup().then(
      (t) => (myAttempt === attempt ? finishSignIn(t, myAttempt) : undefined),
      (e: unknown) => {
        if (myAttempt === attempt) signedOut(describeSignInError(e));
      },
    );
  }

  async function start() {
    const myAttempt = ++attempt;
    set({ status: 'loading' });
    const inlined = (deps.initialPublicConfig ?? inlinedPublicConfig)();
    const configuring = (inlined ? Promise.resolve(inlined) : api.getPublicConfig()).then((config) => {
      publicConfig = config;
      auth = createAuth({ clientId: config.livechat.clientId, accountsUrl: config.livechat.accountsUrl });
      return auth;
    });
    const signingIn = configuring.then((a) => a.signInSilently());
    firstToken = signingIn;
    void signingIn
      .catch(() => undefined)
      .finally(() => {
        if (firstToken === signingIn) firstToken = null;
      });
    try {
      await configuring;
    } catch (e) {
      if (myAttempt === attempt) set({ status: 'error', message: errorMessage(e), retry: start });
      return;
    }
    let t: LiveChatToken;
    try {
      t = await signingIn;
    } catch {
      // No LiveChat session reachable from a hidden iframe (third-party cookies, not signed in): show the button.
      if (myAttempt === attempt) signedOut(null);
      return;
    }
    if (myAttempt === attempt) await finishSignIn(t, myAttempt);
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Starts once; later calls do nothing (React StrictMode mounts twice). */
    start() {
      if (started) return;
      started = true;
      void start();
    },
    api,
  };
}

export interface SessionController<Api extends SessionApi = SessionApi> {
  getState: () => LiveChatSession<Api>;
  subscribe: (listener: () => void) => () => void;
  /** Starts once; later calls do nothing (React StrictMode mounts twice). */
  start: () => void;
  api: Api;
}
