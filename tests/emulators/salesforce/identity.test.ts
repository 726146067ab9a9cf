import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectAs, errorOf, nora, startEmulator, type Started } from './support';

let sf: Started;
beforeEach(async () => {
  sf = await startEmulator();
});
afterEach(async () => {
  await sf.close();
});

const identityOf = (url: string, token: string) =>
  fetch(url, { headers: { authorization: `Bearer ${token}` } }).then(async (res) => ({
    status: res.status,
    body: await res.text(),
  }));

describe('identity scopes', () => {
  it('serves the identity URL and userinfo to a token granted the id scope', async () => {
    const { conn } = await connectAs(sf.url, nora, 'api refresh_token id');
    expect((await conn.identity()).username).toBe(nora);
    expect((await identityOf(`${sf.url}/services/oauth2/userinfo`, conn.accessToken ?? '')).status).toBe(200);
  });

  it('answers 403 Bad_OAuth_Token to a token without id, openid, profile or full', async () => {
    const { conn } = await connectAs(sf.url, nora, 'api refresh_token');
    const session = sf.emulator.admin.orgs()[0]?.users.find((u) => u.username === nora);
    const identityUrl = `${sf.url}/id/${sf.demoOrgId}/${session?.id ?? ''}`;
    expect(await identityOf(identityUrl, conn.accessToken ?? '')).toEqual({
      status: 403,
      body: 'Bad_OAuth_Token',
    });
    expect(await identityOf(`${sf.url}/services/oauth2/userinfo`, conn.accessToken ?? '')).toEqual({
      status: 403,
      body: 'Bad_OAuth_Token',
    });
    const error = await errorOf(conn.identity());
    expect(error.name).toBe('ERROR_HTTP_403');
    // The REST API itself only needs api.
    expect((await conn.query('SELECT Id FROM Lead LIMIT 1')).totalSize).toBe(1);
  });

  it('opens the identity URL to full', async () => {
    const { conn } = await connectAs(sf.url, nora, 'full refresh_token');
    expect((await conn.identity()).username).toBe(nora);
  });

  it('gives admin-issued sessions the app scopes (with id) unless told otherwise', async () => {
    const issued = sf.emulator.admin.issueSession({ username: nora });
    const url = `${issued.instanceUrl}/id/${issued.orgId}/${issued.userId}`;
    expect((await identityOf(url, issued.accessToken)).status).toBe(200);
    const apiOnly = sf.emulator.admin.issueSession({ username: nora, scopes: ['api', 'refresh_token'] });
    expect((await identityOf(url, apiOnly.accessToken)).status).toBe(403);
  });
});
