import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_VERSION,
  REDIRECT_URI,
  approve,
  codeFrom,
  connectAs,
  demoApp,
  errorOf,
  loadJsforce,
  nora,
  oscar,
  pkcePair,
  raw,
  startEmulator,
  type Started,
} from './support';

let sf: Started;
beforeEach(async () => {
  sf = await startEmulator();
});
afterEach(async () => {
  await sf.close();
});

function authorizeUrl(params: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: demoApp.clientId,
    redirect_uri: REDIRECT_URI,
    ...params,
  });
  return `${sf.url}/services/oauth2/authorize?${query.toString()}`;
}

async function tokenRequest(form: Record<string, string>) {
  const res = await fetch(`${sf.url}/services/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, string>,
  };
}

describe('authorize page', () => {
  it('shows a login-and-allow page listing the users of every org, with the hinted user selected', async () => {
    const res = await fetch(authorizeUrl({ state: 'xyz', login_hint: nora }));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<option value="nora.agent@demo-shop.example" selected>Nora Agent');
    expect(html).toContain(oscar);
    expect(html).toMatch(/<button[^>]*value="allow"/);
    expect(html).toMatch(/<button[^>]*value="deny"/);
    expect(html).toContain('name="state" value="xyz"');
  });

  it('redirects with a code and echoes state when the user allows', async () => {
    const redirect = await approve(authorizeUrl({ state: 'st-123' }), nora);
    expect(redirect.status).toBe(302);
    const callback = new URL(redirect.location ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe('st-123');
  });

  it('redirects with access_denied when the user denies', async () => {
    const redirect = await approve(authorizeUrl({ state: 'xyz' }), nora, 'deny');
    expect(redirect.status).toBe(302);
    expect(redirect.location).toBe(
      `${REDIRECT_URI}?error=access_denied&error_description=end-user+denied+authorization&state=xyz`,
    );
  });

  it('refuses an unknown client_id and a redirect_uri the app does not allow, without redirecting', async () => {
    const unknownClient = await fetch(authorizeUrl({ client_id: 'nope' }), { redirect: 'manual' });
    expect(unknownClient.status).toBe(400);
    expect(await unknownClient.text()).toContain('error=invalid_client_id');
    const badRedirect = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), {
      redirect: 'manual',
    });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('error=redirect_uri_mismatch');
  });

  it('allows any localhost or 127.0.0.1 port for the demo app', async () => {
    for (const uri of ['http://localhost:5173/cb', 'http://127.0.0.1:4010/x/y']) {
      const redirect = await approve(authorizeUrl({ redirect_uri: uri }), nora);
      expect(redirect.location?.startsWith(`${uri}?code=`)).toBe(true);
    }
  });
});

describe('token endpoint', () => {
  it('completes the web-server flow with PKCE through jsforce', async () => {
    const { conn } = await connectAs(sf.url, nora);
    expect(conn.instanceUrl).toBe(sf.url);
    expect(conn.accessToken).toMatch(/^00D5g0000000001!AQ/);
    expect(conn.refreshToken).toMatch(/^5Aep861/);
    expect(conn.userInfo?.organizationId).toBe(sf.demoOrgId);
    const me = await conn.identity();
    expect(me.email).toBe(nora);
    expect(me.organization_id).toBe(sf.demoOrgId);
  });

  it('answers the real token response fields', async () => {
    const { verifier, challenge } = pkcePair();
    const code = codeFrom(
      (await approve(authorizeUrl({ code_challenge: challenge, scope: 'api refresh_token id' }), nora))
        .location,
    );
    const res = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      client_id: demoApp.clientId,
      client_secret: demoApp.clientSecret,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json;charset=UTF-8');
    expect(Object.keys(res.body)).toEqual([
      'access_token',
      'refresh_token',
      'signature',
      'scope',
      'instance_url',
      'id',
      'token_type',
      'issued_at',
    ]);
    expect(res.body.scope).toBe('api refresh_token id');
    expect(res.body.token_type).toBe('Bearer');
    expect(res.body.issued_at).toBe(String(sf.clock.now().getTime()));
    expect(res.body.id).toMatch(new RegExp(`^${sf.url}/id/${sf.demoOrgId}/005\\w{15}$`));
  });

  it('gives no refresh token without the refresh_token scope', async () => {
    const code = codeFrom((await approve(authorizeUrl({ scope: 'api' }), nora)).location);
    const res = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      client_id: demoApp.clientId,
      client_secret: demoApp.clientSecret,
      redirect_uri: REDIRECT_URI,
    });
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
  });

  it('checks PKCE: a missing verifier is invalid_grant, a wrong one invalid_request', async () => {
    const { challenge } = pkcePair();
    const exchange = async (verifier?: string) => {
      const code = codeFrom((await approve(authorizeUrl({ code_challenge: challenge }), nora)).location);
      return tokenRequest({
        grant_type: 'authorization_code',
        code,
        client_id: demoApp.clientId,
        client_secret: demoApp.clientSecret,
        redirect_uri: REDIRECT_URI,
        ...(verifier ? { code_verifier: verifier } : {}),
      });
    };
    const missing = await exchange();
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_grant');
    const wrong = await exchange(pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_request');
  });

  it('refuses a reused or expired code, a wrong secret and a changed redirect_uri', async () => {
    const jsforce = await loadJsforce();
    const oauth2 = new jsforce.OAuth2({
      loginUrl: sf.url,
      clientId: demoApp.clientId,
      clientSecret: demoApp.clientSecret,
      redirectUri: REDIRECT_URI,
    });
    const code = codeFrom((await approve(oauth2.getAuthorizationUrl({}), nora)).location);
    await new jsforce.Connection({ oauth2, version: API_VERSION }).authorize(code);
    const reused = await errorOf(new jsforce.Connection({ oauth2, version: API_VERSION }).authorize(code));
    expect(reused.name).toBe('invalid_grant');
    expect(reused.message).toBe('expired authorization code');

    const late = codeFrom((await approve(oauth2.getAuthorizationUrl({}), nora)).location);
    sf.clock.advance(16 * 60 * 1000);
    const expired = await errorOf(new jsforce.Connection({ oauth2, version: API_VERSION }).authorize(late));
    expect(expired.name).toBe('invalid_grant');

    const fresh = codeFrom((await approve(oauth2.getAuthorizationUrl({}), nora)).location);
    const badSecret = await tokenRequest({
      grant_type: 'authorization_code',
      code: fresh,
      client_id: demoApp.clientId,
      client_secret: 'wrong',
      redirect_uri: REDIRECT_URI,
    });
    expect(badSecret.body).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });

    const another = codeFrom((await approve(oauth2.getAuthorizationUrl({}), nora)).location);
    const otherRedirect = await tokenRequest({
      grant_type: 'authorization_code',
      code: another,
      client_id: demoApp.clientId,
      client_secret: demoApp.clientSecret,
      redirect_uri: 'http://localhost:9999/other',
    });
    expect(otherRedirect.body.error).toBe('redirect_uri_mismatch');
  });

  it('refreshes without returning a refresh token, and rotates when the org asks for it', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const refresh = (token: string) =>
      tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: token,
        client_id: demoApp.clientId,
        client_secret: demoApp.clientSecret,
      });
    const plain = await refresh(conn.refreshToken ?? '');
    expect(plain.status).toBe(200);
    expect(plain.body.refresh_token).toBeUndefined();
    expect(plain.body.instance_url).toBe(sf.url);
    expect(plain.body.id).toContain(`/id/${sf.demoOrgId}/`);

    sf.emulator.admin.setRefreshTokenRotation(sf.demoOrgId, true);
    const rotated = await refresh(conn.refreshToken ?? '');
    expect(rotated.body.refresh_token).toMatch(/^5Aep861/);
    const old = await refresh(conn.refreshToken ?? '');
    expect(old.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    expect((await refresh(rotated.body.refresh_token ?? '')).status).toBe(200);
  });

  it('logs a user of another org in with the same connected app', async () => {
    const { conn } = await connectAs(sf.url, oscar);
    expect(conn.userInfo?.organizationId).toBe(sf.otherOrgId);
    const result = await conn.query<{ Email: string }>('SELECT Email FROM User');
    expect(result.records.map((u) => u.Email)).toContain(oscar);
    expect(result.records.map((u) => u.Email)).not.toContain(nora);
  });
});

describe('revoke, identity and userinfo', () => {
  it('revokes an access token with conn.logout()', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const token = conn.accessToken ?? '';
    await conn.logout();
    const after = await raw(sf.url, token, `/services/data/v${API_VERSION}/limits`);
    expect(after.status).toBe(401);
  });

  it('revokes a refresh token and its access tokens with conn.logout(true)', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const { accessToken, refreshToken } = conn;
    await conn.logout(true);
    expect((await raw(sf.url, accessToken ?? '', `/services/data/v${API_VERSION}/limits`)).status).toBe(401);
    const res = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: refreshToken ?? '',
      client_id: demoApp.clientId,
      client_secret: demoApp.clientSecret,
    });
    expect(res.body.error).toBe('invalid_grant');
  });

  it('answers an unknown token on revoke with a form-encoded invalid_token error', async () => {
    const jsforce = await loadJsforce();
    const oauth2 = new jsforce.OAuth2({ loginUrl: sf.url, clientId: demoApp.clientId });
    const error = await errorOf(oauth2.revokeToken('not-a-token'));
    expect(error.name).toBe('invalid_token');
  });

  it('serves the identity URL with a Bearer header or oauth_token, and userinfo', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const idUrl = conn.userInfo?.url ?? '';
    const viaQuery = await fetch(
      `${idUrl}?format=json&oauth_token=${encodeURIComponent(conn.accessToken ?? '')}&version=latest`,
    );
    const identity = (await viaQuery.json()) as Record<string, unknown>;
    expect(identity.username).toBe(nora);
    expect((identity.urls as Record<string, string>).rest).toBe(`${sf.url}/services/data/v62.0/`);
    const userinfo = await raw<Record<string, unknown>>(
      sf.url,
      conn.accessToken,
      '/services/oauth2/userinfo',
    );
    expect(userinfo.status).toBe(200);
    expect(userinfo.body.preferred_username).toBe(nora);
    expect(userinfo.body.organization_id).toBe(sf.demoOrgId);
    const bad = await fetch(`${idUrl}?oauth_token=nope`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toBe('Bad_OAuth_Token');
  });
});
