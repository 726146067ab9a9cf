import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient, otherClient } from '../../../emulators/livechat';
import { demoOwner, getJson, startEmulator, type Started } from './support';
import { demoLicense, olivia, victor } from '../../support/factories/people';

let lc: Started;
beforeAll(async () => {
  lc = await startEmulator();
});
afterAll(() => lc.close());

const APP = 'http://localhost:3000';

function authorizeUrl(params: Record<string, string>): string {
  return `${lc.emulator.accountsUrl}/?${new URLSearchParams({ client_id: demoClient.clientId, redirect_uri: `${APP}/settings/`, ...params })}`;
}

async function authorize(params: Record<string, string>, cookie?: string) {
  return fetch(authorizeUrl(params), { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

async function codeFor(params: Record<string, string> = {}): Promise<string> {
  const res = await authorize(
    { response_type: 'code', state: 's1', ...params },
    lc.emulator.admin.sessionCookie(demoOwner),
  );
  const location = new URL(res.headers.get('location') ?? '');
  return location.searchParams.get('code') ?? '';
}

async function exchange(body: Record<string, string>, json = false) {
  return getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/token`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
}

const codeExchange = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  client_id: demoClient.clientId,
  client_secret: demoClient.clientSecret ?? '',
  redirect_uri: `${APP}/settings/`,
  ...extra,
});

describe('authorize, token flow (redirect)', () => {
  it('redirects a signed-in agent back with the token in the fragment', async () => {
    const res = await authorize(
      { response_type: 'token', state: 'xyz' },
      lc.emulator.admin.sessionCookie(demoOwner),
    );
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/settings/`);
    expect(location.search).toBe('');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('access_token')).toMatch(/^dal:/);
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('expires_in')).toBe('28800');
    expect(fragment.get('state')).toBe('xyz');
    expect(fragment.get('scope')?.split(',')).toContain('chats--all:ro');
  });

  it('sends an agent who is not signed in to the sign-in page, and back after choosing an agent', async () => {
    const res = await authorize({ response_type: 'token', state: 'abc' });
    expect(res.status).toBe(302);
    const signin = new URL(res.headers.get('location') ?? '', lc.emulator.accountsUrl);
    expect(signin.pathname).toBe('/signin');
    const page = await fetch(signin);
    expect(await page.text()).toContain(demoOwner);

    const post = await fetch(`${lc.emulator.accountsUrl}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: demoOwner,
        continue: signin.searchParams.get('continue') ?? '',
      }).toString(),
    });
    expect(post.status).toBe(303);
    const cookie = post.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lc_accounts_session=.*Secure.*SameSite=None/i);
    const back = await fetch(new URL(post.headers.get('location') ?? '', lc.emulator.accountsUrl), {
      redirect: 'manual',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toMatch(new RegExp(`^${APP}/settings/#access_token=`));
  });

  it('keeps the Agent App page and the accounts service on two sites: signing in passes through both', async () => {
    expect(new URL(lc.emulator.accountsUrl).hostname).not.toBe(new URL(lc.url).hostname);
    const first = await fetch(`${lc.url}/agent-app?as=${encodeURIComponent(demoOwner)}&view=apps`, {
      redirect: 'manual',
    });
    const hop = new URL(first.headers.get('location') ?? '');
    expect(`${hop.origin}${hop.pathname}`).toBe(`${lc.emulator.accountsUrl}/signin-as`);
    expect(first.headers.get('set-cookie')).toMatch(/Secure.*SameSite=None/i);
    const second = await fetch(hop, { redirect: 'manual' });
    expect(second.headers.get('set-cookie')).toMatch(/lc_accounts_session=.*Secure.*SameSite=None/i);
    expect(second.headers.get('location')).toBe(`${lc.url}/agent-app?view=apps`);
    // It never sends the browser anywhere else.
    const away = await fetch(
      `${lc.emulator.accountsUrl}/signin-as?email=${encodeURIComponent(demoOwner)}&return=${encodeURIComponent('https://evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(away.headers.get('location')).toBe('/signin');
  });

  it('answers the accounts-sdk button flow with a page posting {data} to the app origin', async () => {
    const res = await authorize(
      { response_type: 'token', flow: 'button' },
      lc.emulator.admin.sessionCookie(demoOwner),
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('window.opener || window.parent');
    expect(html).toContain(`"${APP}"`);
    expect(html).toMatch(/"access_token":"dal:[^"]+","token_type":"Bearer","expires_in":28800,"scopes":\[/);
    expect(html).toContain(`"organization_id":"${demoLicense.organizationId}"`);
  });

  it('answers a signed-out hidden iframe with identity_exception (the popup shows the sign-in page)', async () => {
    const res = await authorize({ response_type: 'token', flow: 'button' });
    const html = await res.text();
    expect(html).toContain("identity_exception: 'unauthorized'");
    expect(html).toContain('Sign in to LiveChat');
  });

  it.each([
    [{ client_id: 'nope' }, 'unauthorized_client'],
    [{ redirect_uri: 'https://evil.example/' }, 'invalid_request'],
    [{ response_type: 'id_token' }, 'unsupported_response_type'],
    [{ scope: 'chats--all:rw' }, 'invalid_scope'],
  ])('rejects %j with oauth_exception=%s', async (params, error) => {
    const res = await authorize(
      { response_type: 'token', ...params },
      lc.emulator.admin.sessionCookie(demoOwner),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/ooops?oauth_exception=${error}`);
  });

  it('accepts any localhost port for the demo client but checks the path prefix of other clients', async () => {
    const cookie = lc.emulator.admin.sessionCookie(demoOwner);
    const ok = await fetch(
      `${lc.emulator.accountsUrl}/?${new URLSearchParams({ response_type: 'token', client_id: demoClient.clientId, redirect_uri: 'http://127.0.0.1:5173/x' })}`,
      { redirect: 'manual', headers: { cookie } },
    );
    expect(ok.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:5173\/x#access_token=/);
    const bad = await fetch(
      `${lc.emulator.accountsUrl}/?${new URLSearchParams({ response_type: 'token', client_id: otherClient.clientId, redirect_uri: 'http://localhost:3000/elsewhere' })}`,
      { redirect: 'manual', headers: { cookie } },
    );
    expect(bad.headers.get('location')).toBe('/ooops?oauth_exception=invalid_request');
  });
});

describe('authorization code flow', () => {
  it('redirects with ?code&state and exchanges the code (form body) for tokens', async () => {
    const res = await authorize(
      { response_type: 'code', state: 'st8' },
      lc.emulator.admin.sessionCookie(demoOwner),
    );
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('st8');
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^dal:/);

    const token = await exchange(codeExchange(code));
    expect(token.status).toBe(200);
    // Authorization › OAuth › Step 4's response table: no client_id.
    expect(Object.keys(token.body).sort()).toEqual(
      [
        'access_token',
        'account_id',
        'expires_in',
        'organization_id',
        'refresh_token',
        'scope',
        'token_type',
      ].sort(),
    );
    expect(token.body).toMatchObject({
      account_id: olivia.accountId,
      expires_in: 28800,
      organization_id: demoLicense.organizationId,
      token_type: 'Bearer',
    });
    expect(token.body.access_token).toMatch(/^dal:/);
    expect(String(token.body.refresh_token)).not.toMatch(/^dal:/);
    expect(String(token.body.scope).split(',')).toEqual(demoClient.scopes);

    // Troubleshooting › FAQ: a code is exchanged only once ("The client is not authorized…").
    const again = await exchange(codeExchange(code));
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: 'unauthorized_client' });
  });

  it('refreshes with a JSON body; a server-side client keeps its refresh token', async () => {
    const first = await exchange(codeExchange(await codeFor()), true);
    const refreshed = await exchange(
      {
        grant_type: 'refresh_token',
        refresh_token: String(first.body.refresh_token),
        client_id: demoClient.clientId,
        client_secret: demoClient.clientSecret ?? '',
      },
      true,
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    const info = await getJson(`${lc.emulator.accountsUrl}/v2/info`, {
      headers: { authorization: `Bearer ${String(refreshed.body.access_token)}` },
    });
    expect(info.status).toBe(200);
  });

  it('refuses a wrong client secret, an unknown grant and a missing parameter', async () => {
    const code = await codeFor();
    expect(await exchange(codeExchange(code, { client_secret: 'wrong' }))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized_client' },
    });
    expect(await exchange({ grant_type: 'password', client_id: demoClient.clientId })).toMatchObject({
      status: 403,
      body: { error: 'unsupported_grant_type' },
    });
    const missing = await exchange({ grant_type: 'authorization_code', client_id: demoClient.clientId });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ error: 'invalid_request' });
    expect(typeof missing.body.error_description).toBe('string');
    expect(typeof missing.body.request_id).toBe('string');
  });

  it('refuses a code for another redirect_uri, and an expired code', async () => {
    const code = await codeFor();
    expect(await exchange(codeExchange(code, { redirect_uri: `${APP}/other` }))).toMatchObject({
      status: 401,
      body: { error: 'invalid_grant' },
    });
    const old = await codeFor();
    lc.clock.advance(600);
    expect(await exchange(codeExchange(old))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized_client' },
    });
  });

  it('checks PKCE exactly as RFC 7636 says, for every client (the appendix B example)', async () => {
    // RFC 7636 Appendix B: this verifier's S256 challenge.
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
    const s256 = { code_challenge: challenge, code_challenge_method: 'S256', utm_medium: 'accounts-sdk' };
    expect((await exchange(codeExchange(await codeFor(s256), { code_verifier: verifier }))).status).toBe(200);

    const refused = { status: 401, body: { error: 'invalid_grant' } };
    const wrongVerifier = codeExchange(await codeFor(s256), { code_verifier: 'w'.repeat(64) });
    expect(await exchange(wrongVerifier)).toMatchObject(refused);
    // A code issued for a challenge is not exchanged without its verifier.
    expect(await exchange(codeExchange(await codeFor(s256)))).toMatchObject(refused);
    // accounts-sdk 2.1.3's "S256": base64 of the hash's 32-bit words as decimal text.
    const words = Array.from({ length: 8 }, (_, i) =>
      createHash('sha256')
        .update(verifier)
        .digest()
        .readInt32BE(i * 4),
    );
    const sdkChallenge = Buffer.from(words.join(','), 'latin1')
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
      .slice(0, 128);
    const sdkCode = await codeFor({ ...s256, code_challenge: sdkChallenge });
    expect(await exchange(codeExchange(sdkCode, { code_verifier: verifier }))).toMatchObject(refused);
    // plain is the default method: the challenge is the verifier.
    const plain = await codeFor({ code_challenge: verifier });
    expect((await exchange(codeExchange(plain, { code_verifier: verifier }))).status).toBe(200);
  });

  it('refuses a challenge outside 43 to 128 characters and an unknown method at /authorize', async () => {
    const cookie = lc.emulator.admin.sessionCookie(demoOwner);
    const refusedParams: Record<string, string>[] = [
      { code_challenge: 'short' },
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'S512' },
    ];
    for (const params of refusedParams) {
      const res = await authorize({ response_type: 'code', state: 's1', ...params }, cookie);
      expect(res.headers.get('location')).toContain('oauth_exception=invalid_request');
    }
  });
});

describe('POST /v2/token as the docs say (OAuth, Troubleshooting, Global Accounts API)', () => {
  const OTHER_APP = 'https://other-app.example/';
  const TOKEN_FIELDS = [
    'access_token',
    'account_id',
    'expires_in',
    'organization_id',
    'refresh_token',
    'scope',
    'token_type',
  ];
  const refreshBody = (refreshToken: string, extra: Record<string, string> = {}) => ({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: demoClient.clientId,
    client_secret: demoClient.clientSecret ?? '',
    ...extra,
  });
  const post = (init: RequestInit, query = '') =>
    getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/token${query}`, {
      method: 'POST',
      ...init,
    });

  it('takes the parameters in the URL of the POST too (lc-sdk-js example), but never twice', async () => {
    const code = await codeFor();
    const byQuery = await post({}, `?${new URLSearchParams(codeExchange(code))}`);
    expect(byQuery.status).toBe(200);
    expect(Object.keys(byQuery.body).sort()).toEqual(TOKEN_FIELDS);

    const twice = await post(
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(codeExchange(await codeFor())).toString(),
      },
      `?client_id=${demoClient.clientId}`,
    );
    expect(twice).toMatchObject({
      status: 422,
      body: { error: 'invalid_request', invalid_fields: { client_id: 'is given more than once' } },
    });
    const repeated = await post({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${new URLSearchParams(codeExchange(await codeFor()))}&code=again`,
    });
    expect(repeated).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
  });

  it('answers invalid_request (422) for a body it cannot parse, a missing parameter and a wrong method', async () => {
    const broken = await post({ headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expect(broken).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
    expect(typeof broken.body.request_id).toBe('string');
    expect(await exchange({ client_id: demoClient.clientId })).toMatchObject({
      status: 422,
      body: { error: 'invalid_request', invalid_fields: { grant_type: 'is required' } },
    });
    expect(await exchange({ grant_type: 'refresh_token', client_id: demoClient.clientId })).toMatchObject({
      status: 422,
      body: { invalid_fields: { refresh_token: 'is required' } },
    });
    const get = await getJson(`${lc.emulator.accountsUrl}/v2/token`);
    expect(get).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
    expect(
      await exchange({ grant_type: 'client_credentials', client_id: demoClient.clientId }),
    ).toMatchObject({
      status: 403,
      body: { error: 'unsupported_grant_type' },
    });
  });

  it('answers unauthorized_client for a missing or unknown client id and a missing secret', async () => {
    const code = await codeFor();
    const { client_id: _omit, ...noClient } = codeExchange(code);
    for (const body of [
      noClient,
      codeExchange(code, { client_id: 'nope' }),
      codeExchange(code, { client_secret: '' }),
    ]) {
      expect(await exchange(body)).toMatchObject({ status: 401, body: { error: 'unauthorized_client' } });
    }
    // None of these spent the code.
    expect((await exchange(codeExchange(code))).status).toBe(200);
  });

  it('refresh: the seven fields; unknown token unauthorized_client, another client’s invalid_client', async () => {
    const tokens = lc.emulator.admin.issueAgentTokens(demoOwner, { clientId: demoClient.clientId });
    const refreshed = await exchange(refreshBody(tokens.refresh_token ?? ''));
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(TOKEN_FIELDS);
    expect(refreshed.body).toMatchObject({ refresh_token: tokens.refresh_token, token_type: 'Bearer' });

    expect(await exchange(refreshBody('nope'))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized_client' },
    });
    expect(await exchange(refreshBody(tokens.refresh_token ?? '', { client_secret: 'wrong' }))).toMatchObject(
      {
        status: 401,
        body: { error: 'unauthorized_client' },
      },
    );
    const others = lc.emulator.admin.issueAgentTokens(demoOwner, { clientId: otherClient.clientId });
    expect(await exchange(refreshBody(others.refresh_token ?? ''))).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it('a JavaScript app: code only with PKCE, no secret; its refresh tokens are single-use', async () => {
    const verifier = 'v'.repeat(50);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const otherCode = (params: Record<string, string> = {}) =>
      codeFor({ client_id: otherClient.clientId, redirect_uri: OTHER_APP, ...params });
    const publicExchange = (code: string, extra: Record<string, string> = {}) => ({
      grant_type: 'authorization_code',
      code,
      client_id: otherClient.clientId,
      redirect_uri: OTHER_APP,
      ...extra,
    });

    // Without PKCE, a client without secret cannot exchange its code.
    expect(await exchange(publicExchange(await otherCode()))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized_client' },
    });
    const pkceCode = await otherCode({ code_challenge: challenge, code_challenge_method: 'S256' });
    const first = await exchange(publicExchange(pkceCode, { code_verifier: verifier }), true);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(TOKEN_FIELDS);

    const rotate = (refreshToken: string) =>
      exchange({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: otherClient.clientId });
    const second = await rotate(String(first.body.refresh_token));
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    // The old one is spent (revoked, not unknown).
    expect(await rotate(String(first.body.refresh_token))).toMatchObject({
      status: 401,
      body: { error: 'invalid_grant' },
    });
    expect((await rotate(String(second.body.refresh_token))).status).toBe(200);
  });

  it('an injected 429 is temporarily_unavailable, a 503 server_error', async () => {
    lc.emulator.admin.failNextToken(1, 429);
    lc.emulator.admin.failNextToken(1, 503);
    const tokens = lc.emulator.admin.issueAgentTokens(demoOwner, { clientId: demoClient.clientId });
    expect(await exchange(refreshBody(tokens.refresh_token ?? ''))).toMatchObject({
      status: 429,
      body: { error: 'temporarily_unavailable' },
    });
    expect(await exchange(refreshBody(tokens.refresh_token ?? ''))).toMatchObject({
      status: 503,
      body: { error: 'server_error' },
    });
    expect((await exchange(refreshBody(tokens.refresh_token ?? ''))).status).toBe(200);
  });

  it('DELETE: 404 resource_not_found for a token that does not exist, 422 without one', async () => {
    const unknown = await getJson(`${lc.emulator.accountsUrl}/v2/token?code=nope`, { method: 'DELETE' });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'resource_not_found' } });
    const none = await getJson(`${lc.emulator.accountsUrl}/v2/token`, { method: 'DELETE' });
    expect(none).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
  });
});

describe('GET /v2/info', () => {
  it('describes a valid token', async () => {
    const token = lc.tokenFor(demoOwner, ['chats--all:ro', 'agents--all:ro']);
    lc.clock.advance(75);
    const info = await getJson(`${lc.emulator.accountsUrl}/v2/info`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      access_token: token,
      account_id: olivia.accountId,
      client_id: demoClient.clientId,
      expires_in: 28725,
      organization_id: demoLicense.organizationId,
      scope: 'chats--all:ro,agents--all:ro',
      token_type: 'Bearer',
    });
    const byQuery = await getJson(`${lc.emulator.accountsUrl}/v2/info?code=${encodeURIComponent(token)}`);
    expect(byQuery.status).toBe(200);
  });

  it('answers 422 invalid_request (Global Accounts API › Introspect) for missing, unknown, expired and revoked tokens', async () => {
    const expired = lc.tokenFor(demoOwner);
    lc.clock.advance(28_801);
    const revoked = lc.tokenFor(demoOwner);
    const del = await fetch(`${lc.emulator.accountsUrl}/v2/token`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${revoked}` },
    });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({});
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${expired}` },
      { authorization: `Bearer ${revoked}` },
    ]) {
      const res = await getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/info`, { headers });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('invalid_request');
      expect(typeof res.body.error_description).toBe('string');
      expect(typeof res.body.request_id).toBe('string');
    }
  });

  it('revoking an access token also revokes its refresh token; admin can expire a token', async () => {
    const tokens = lc.emulator.admin.issueAgentTokens(demoOwner, { clientId: demoClient.clientId });
    await fetch(`${lc.emulator.accountsUrl}/v2/token?code=${encodeURIComponent(tokens.access_token)}`, {
      method: 'DELETE',
    });
    const refreshed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: demoClient.clientId,
      client_secret: demoClient.clientSecret ?? '',
    });
    expect(refreshed).toMatchObject({ status: 401, body: { error: 'invalid_grant' } });

    const token = lc.tokenFor(demoOwner);
    lc.emulator.admin.expireToken(token);
    expect(
      (await fetch(`${lc.emulator.accountsUrl}/v2/info`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(422);
  });

  it('returns the refresh token with an access token obtained with one, as the docs say', async () => {
    const tokens = lc.emulator.admin.issueAgentTokens(demoOwner, { clientId: demoClient.clientId });
    const info = await getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/info`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(info).toMatchObject({
      status: 200,
      body: { access_token: tokens.access_token, refresh_token: tokens.refresh_token, token_type: 'Bearer' },
    });
    // Implicit-grant (and admin-minted) tokens have none.
    const implicit = lc.tokenFor(demoOwner);
    const bare = await getJson(`${lc.emulator.accountsUrl}/v2/info`, {
      headers: { authorization: `Bearer ${implicit}` },
    });
    expect(bare.body).not.toHaveProperty('refresh_token');
  });
});

describe('GET /v2/accounts/me', () => {
  it('returns the account, with LiveChat roles when the token has accounts.roles--all:ro', async () => {
    const me = await getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/accounts/me`, {
      headers: { authorization: `Bearer ${lc.tokenFor(victor.email)}` },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      account_id: victor.accountId,
      name: victor.name,
      email: victor.email,
      email_verified: true,
      default_product: 'LiveChat',
      default_organization_id: demoLicense.organizationId,
      properties: { active: true, mfa: false },
    });
    expect(me.body.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ product: 'LiveChat', role: 'viceowner', type: 'secondary' }),
      ]),
    );
    const noRoles = await getJson<Record<string, unknown>>(`${lc.emulator.accountsUrl}/v2/accounts/me`, {
      headers: { authorization: `Bearer ${lc.tokenFor(demoOwner, ['accounts--my:ro'])}` },
    });
    expect(noRoles.body.roles).toBeUndefined();
  });

  it('answers 403 without accounts--my:ro and 401 without a valid token', async () => {
    const forbidden = await getJson(`${lc.emulator.accountsUrl}/v2/accounts/me`, {
      headers: { authorization: `Bearer ${lc.tokenFor(demoOwner, ['chats--all:ro'])}` },
    });
    expect(forbidden).toMatchObject({ status: 403, body: { error: 'access_denied' } });
    expect((await fetch(`${lc.emulator.accountsUrl}/v2/accounts/me`)).status).toBe(401);
  });
});
