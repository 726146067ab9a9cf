import AccountsSDK from '@livechat/accounts-sdk';
import { z } from 'zod';
import { codeChallenge } from './pkce';

/** A LiveChat agent access token, kept in memory only. */
export interface LiveChatToken {
  accessToken: string;
  /** Epoch milliseconds after which the token must not be used. */
  expiresAt: number;
  scopes: string[];
  accountId: string | null;
  organizationId: string | null;
}

/** An authorization code for the license installation (POST /api/settings/installation). */
export interface LiveChatAuthorizationCode {
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}

export interface LiveChatAuth {
  /** Hidden-iframe sign-in: works when the agent already has a LiveChat session; rejects otherwise. */
  signInSilently(): Promise<LiveChatToken>;
  /** Popup sign-in: call it from a click handler so the browser does not block the popup. */
  signInWithPopup(): Promise<LiveChatToken>;
  /** Authorization-code flow (hidden iframe first, then `popup` when asked) for the installation. */
  authorizationCode(flow: 'iframe' | 'popup'): Promise<LiveChatAuthorizationCode>;
}

// accounts-sdk's answers are external data: parse only the fields we use. `scopes` may be an array or a
// comma-separated string (reference §2.1), and the SDK renames `scopes` to `scope`.
const scopesSchema = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((s) => (s === undefined ? [] : Array.isArray(s) ? s : s.split(/[\s,]+/).filter(Boolean)));

const tokenDataSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().nonnegative().default(0),
  scope: scopesSchema,
  scopes: scopesSchema,
  account_id: z.string().optional(),
  organization_id: z.string().optional(),
});

const codeDataSchema = z.object({ code: z.string().min(1) });

/** Plain words for accounts-sdk's rejections (`'timeout'` or `{ oauth_exception | identity_exception, description }`). */
export function describeSignInError(error: unknown): string {
  if (error === 'timeout') return 'LiveChat did not answer in time.';
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    if (typeof e.description === 'string' && e.description) return e.description;
    if (typeof e.identity_exception === 'string') return `LiveChat sign-in failed (${e.identity_exception}).`;
    if (typeof e.oauth_exception === 'string') return `LiveChat refused the sign-in (${e.oauth_exception}).`;
    if (error instanceof Error) return error.message;
  }
  return 'LiveChat sign-in failed.';
}

function randomString(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The page the accounts service sends its answer to: this page without query or hash (as accounts-sdk strips them). */
function currentRedirectUri(): string {
  return window.location.origin + window.location.pathname;
}

/**
 * Resolves once the page's `load` event has fired. A hidden sign-in iframe added before it would hold
 * that event back until the accounts page has loaded (an iframe delays its parent's load event), and
 * the Agent App sends its first handshake to the widget on the frame's load (@livechat/postmessage
 * `connectExistingIframe`).
 */
function documentLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function toToken(data: unknown, now: number): LiveChatToken {
  const parsed = tokenDataSchema.safeParse(data);
  if (!parsed.success) throw new Error('LiveChat sent an unexpected sign-in answer.');
  const d = parsed.data;
  return {
    accessToken: d.access_token,
    // LiveChat's default lifetime is 8 hours; without expires_in, assume one hour and re-check then.
    expiresAt: now + (d.expires_in > 0 ? d.expires_in : 3600) * 1000,
    scopes: d.scope.length > 0 ? d.scope : d.scopes,
    accountId: d.account_id ?? null,
    organizationId: d.organization_id ?? null,
  };
}

/** "Sign in with LiveChat" through `@livechat/accounts-sdk` against the accounts service in public-config. */
export function createLiveChatAuth(config: {
  clientId: string;
  accountsUrl: string;
  now?: () => number;
}): LiveChatAuth {
  const now = config.now ?? Date.now;
  // The SDK's Listener compares event.origin with server_url exactly, so it must be an origin (no trailing slash).
  const serverUrl = config.accountsUrl.replace(/\/+$/, '');
  const sdk = new AccountsSDK({
    client_id: config.clientId,
    server_url: serverUrl,
    response_type: 'token',
    redirect_uri: currentRedirectUri(),
  });

  /**
   * accounts-sdk gives its hidden iframe 5 s; a busy browser (many chats opening at once, a cold
   * start) can miss that without anything being wrong, so a timeout is tried twice more before
   * asking for a click.
   */
  async function viaIframe<T>(authorize: () => Promise<T>, attemptsLeft = 2): Promise<T> {
    await documentLoaded();
    try {
      return await authorize();
    } catch (error) {
      if (error !== 'timeout' || attemptsLeft === 0) throw error;
      return viaIframe(authorize, attemptsLeft - 1);
    }
  }

  return {
    async signInSilently() {
      return toToken(await viaIframe(() => sdk.iframe().authorize()), now());
    },
    async signInWithPopup() {
      return toToken(await sdk.popup().authorize(), now());
    },
    async authorizationCode(flow) {
      // Our own state and verifier: the SDK leaves `state` empty by default and then cannot find its transaction.
      const once = async () => {
        const codeVerifier = randomString(128);
        const redirectUri = currentRedirectUri();
        const options = {
          response_type: 'code' as const,
          redirect_uri: redirectUri,
          state: randomString(32),
          // Our own PKCE (see codeChallenge): the SDK's is switched off, and the challenge travels in
          // `tracking`, the SDK's extra query parameters, which every version copies into the URL.
          pkce: { enabled: false },
          tracking: {
            utm_source: 'accounts.livechat.com',
            utm_medium: 'accounts-sdk',
            code_challenge: await codeChallenge(codeVerifier),
            code_challenge_method: 'S256',
          },
        };
        const data =
          flow === 'iframe'
            ? await viaIframe(() => sdk.iframe(options).authorize())
            : await sdk.popup(options).authorize();
        const parsed = codeDataSchema.safeParse(data);
        if (!parsed.success) throw new Error('LiveChat sent an unexpected authorization answer.');
        return { code: parsed.data.code, redirectUri, codeVerifier };
      };
      // The hidden iframe is tried once more, with a new state, whatever its first failure: that try
      // can meet the sign-in iframe still closing (seen in a cold browser); a click is asked for
      // only when the iframe really cannot work.
      return flow === 'iframe' ? once().catch(() => once()) : once();
    },
  };
}
