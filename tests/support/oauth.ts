/** The browser's part of the OAuth flows, done over plain HTTP against the emulators' pages. */
import type { CompleteOAuthRequest } from '../../src/api/accounts';

/** Submits Salesforce's login-and-allow page for a user; answers the query of the callback it redirects to. */
export async function approveSalesforce(
  authorizeUrl: string,
  username: string,
  action: 'allow' | 'deny' = 'allow',
): Promise<URLSearchParams> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('username', username);
  form.set('action', action);
  const res = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`Salesforce's page did not redirect (${res.status}): ${await res.text()}`);
  return new URL(location).searchParams;
}

/** LiveChat's authorize page for an agent who is signed in (session cookie): the code it redirects with. */
export async function livechatCode(
  accountsUrl: string,
  cookie: string,
  params: { clientId: string; redirectUri: string; state?: string },
): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state ?? 'state-1',
  });
  const res = await fetch(`${accountsUrl}/?${query}`, { headers: { cookie }, redirect: 'manual' });
  const location = res.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`LiveChat gave no code (${res.status} ${location ?? ''})`);
  return code;
}

/**
 * What the settings app sends on to `POST /api/settings/oauth/salesforce/complete` from Salesforce's
 * callback, as the callback page relays it: the state ('' when there is none) with the code, or with
 * the error and its description.
 */
export function relayedCallback(callback: URLSearchParams): CompleteOAuthRequest {
  const state = callback.get('state') || '';
  const code = callback.get('code');
  if (code) return { state, code };
  const errorDescription = callback.get('error_description');
  return {
    state,
    error: callback.get('error') || 'access_denied',
    ...(errorDescription && { errorDescription }),
  };
}
