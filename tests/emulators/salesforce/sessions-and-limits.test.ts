import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_VERSION,
  connectAs,
  demoApp,
  errorOf,
  loadJsforce,
  nora,
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

describe('sessions', () => {
  it('refreshes automatically after the access token expires, emitting refresh', async () => {
    const { conn, refreshes } = await connectAs(sf.url, nora);
    const before = conn.accessToken;
    sf.emulator.admin.expireAccessTokens(sf.demoOrgId);
    const result = await conn.query('SELECT Id FROM Account LIMIT 1');
    expect(result.totalSize).toBe(1);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toBe(conn.accessToken);
    expect(conn.accessToken).not.toBe(before);
  });

  it('expires a session left unused longer than the org session timeout', async () => {
    const { conn, refreshes } = await connectAs(sf.url, nora);
    sf.clock.advance(2 * 60 * 60 * 1000 + 1);
    await conn.query('SELECT Id FROM Account LIMIT 1');
    expect(refreshes).toHaveLength(1);
  });

  it('answers 401 INVALID_SESSION_ID to an expired token', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const token = conn.accessToken;
    sf.emulator.admin.expireAccessTokens(sf.demoOrgId);
    const res = await raw(sf.url, token, `/services/data/v${API_VERSION}/sobjects`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('fails the refresh when the refresh token was revoked', async () => {
    const { conn, refreshes } = await connectAs(sf.url, nora);
    expect(sf.emulator.admin.revokeRefreshToken(conn.refreshToken ?? '')).toBe(true);
    const error = await errorOf(conn.query('SELECT Id FROM Account'));
    expect(error.message).toBe('Unable to refresh session due to: expired access/refresh token');
    expect(refreshes).toHaveLength(0);
  });

  it('throws INVALID_SESSION_ID without a refresh delegate', async () => {
    const jsforce = await loadJsforce();
    const conn = new jsforce.Connection({ instanceUrl: sf.url, accessToken: 'bogus', version: API_VERSION });
    expect((await errorOf(conn.query('SELECT Id FROM Account'))).name).toBe('INVALID_SESSION_ID');
  });

  it('connects from stored tokens and finds the identity through the version resources', async () => {
    const session = sf.emulator.admin.issueSession({ username: nora });
    const jsforce = await loadJsforce();
    const conn = new jsforce.Connection({
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      oauth2: { loginUrl: sf.url, clientId: demoApp.clientId, clientSecret: demoApp.clientSecret },
      version: API_VERSION,
    });
    const identity = await conn.identity();
    expect(identity.user_id).toBe(session.userId);
  });
});

describe('API usage and limits', () => {
  it('counts every REST call and reports it in Sforce-Limit-Info and /limits', async () => {
    const { conn } = await connectAs(sf.url, nora);
    await conn.query('SELECT Id FROM Lead');
    await conn.describeGlobal();
    expect(conn.limitInfo.apiUsage).toEqual({ used: 2, limit: 15000 });
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - 3 });
    expect(conn.limitInfo.apiUsage?.used).toBe(3);
    const versions = await raw(sf.url, undefined, '/services/data/');
    expect(versions.status).toBe(200);
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    expect(sf.emulator.admin.callCount(sf.demoOrgId)).toBe(3);
    expect(sf.emulator.admin.calls(sf.demoOrgId).map((c) => c.kind)).toEqual([
      'query',
      'describeGlobal',
      'limits',
    ]);
    expect(sf.emulator.admin.calls(sf.demoOrgId)[0]).toMatchObject({
      method: 'GET',
      status: 200,
      counted: true,
      time: '2026-02-10T12:00:00.000Z',
    });
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED when the daily limit is used up', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.setDailyApiLimit(sf.demoOrgId, 10);
    sf.emulator.admin.setApiUsage(sf.demoOrgId, 10);
    const error = await errorOf(conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect(error.name).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(error.message).toBe('TotalRequests Limit exceeded.');
    const res = await raw(sf.url, conn.accessToken, `/services/data/v${API_VERSION}/limits`);
    expect(res.status).toBe(403);
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=10/10');
  });
});

describe('fault injection and latency', () => {
  it('fails the next N requests with 503, 500 or REQUEST_LIMIT_EXCEEDED', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 503 });
    sf.emulator.admin.failNext(1, { kind: 500 });
    sf.emulator.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED' });
    const create = () => conn.sobject('Account').create({ Name: 'Fault Ltd' });
    expect((await errorOf(create())).name).toBe('SERVER_UNAVAILABLE');
    expect((await errorOf(create())).name).toBe('UNKNOWN_EXCEPTION');
    expect((await errorOf(create())).name).toBe('REQUEST_LIMIT_EXCEEDED');
    expect((await create()).success).toBe(true);
    expect(sf.emulator.admin.calls(sf.demoOrgId).map((c) => [c.status, c.counted])).toEqual([
      [503, false],
      [500, false],
      [403, false],
      [201, true],
    ]);
  });

  it('fails only the chosen org, and the token endpoint when asked', async () => {
    sf.emulator.admin.failNext(1, { kind: 503, orgId: sf.otherOrgId });
    const { conn } = await connectAs(sf.url, nora);
    expect((await conn.query('SELECT Id FROM Lead')).totalSize).toBeGreaterThan(0);
    sf.emulator.admin.failNext(1, { kind: 503, scope: 'oauth' });
    const res = await fetch(`${sf.url}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
    });
    expect(res.status).toBe(503);
  });

  it('fails a seeded fraction of requests, the same ones on every run', async () => {
    const pattern = async () => {
      const { conn } = await connectAs(sf.url, nora);
      sf.emulator.admin.failRate({ probability: 0.5, kind: 'REQUEST_LIMIT_EXCEEDED', seed: 42 });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await conn
            .sobject('Account')
            .create({ Name: `Chaos ${i}` })
            .then(
              () => true,
              () => false,
            ),
        );
      }
      sf.emulator.admin.clearFaults();
      return outcomes;
    };
    const first = await pattern();
    const second = await pattern();
    expect(first).toEqual(second);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter((ok) => !ok).length).toBeGreaterThan(0);
  });

  it('adds latency to every answer', async () => {
    sf.emulator.admin.setLatency(120);
    const started = performance.now();
    await raw(sf.url, undefined, '/services/data/');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('admin HTTP API', () => {
  it('serves the same controls under /__admin', async () => {
    const post = (path: string, body: unknown = {}, method = 'POST') =>
      fetch(`${sf.url}/__admin${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const orgs = (await (await fetch(`${sf.url}/__admin/orgs`)).json()) as Array<{
      id: string;
      users: unknown[];
    }>;
    expect(orgs.map((o) => o.id)).toEqual([sf.demoOrgId, sf.otherOrgId]);
    const session = (await (await post('/sessions', { username: nora })).json()) as {
      accessToken: string;
      instanceUrl: string;
    };
    expect(session.instanceUrl).toBe(sf.url);
    await raw(sf.url, session.accessToken, `/services/data/v${API_VERSION}/limits`);
    const calls = (await (
      await fetch(`${sf.url}/__admin/orgs/${sf.demoOrgId}/calls?kind=limits`)
    ).json()) as { count: number };
    expect(calls.count).toBe(1);
    expect((await post('/faults', { count: 1, kind: 503 })).status).toBe(200);
    expect((await raw(sf.url, session.accessToken, `/services/data/v${API_VERSION}/limits`)).status).toBe(
      503,
    );
    expect((await post('/faults', { count: 0, kind: 503 })).status).toBe(400);
    const created = (await (
      await post(`/orgs/${sf.demoOrgId}/records/Lead`, { LastName: 'Admin', Company: 'Made' })
    ).json()) as { id: string };
    const leads = (await (
      await fetch(`${sf.url}/__admin/orgs/${sf.demoOrgId}/records/Lead?LastName=admin`)
    ).json()) as Array<{ Id: string }>;
    expect(leads.map((l) => l.Id)).toEqual([created.id]);
    await post(`/orgs/${sf.demoOrgId}/expire-access-tokens`);
    expect((await raw(sf.url, session.accessToken, `/services/data/v${API_VERSION}/limits`)).status).toBe(
      401,
    );
    expect((await post(`/orgs/${sf.demoOrgId}/api-usage`, { max: 5, used: 5 }, 'PUT')).status).toBe(200);
    expect(sf.emulator.admin.orgs()[0]).toMatchObject({ apiUsage: 5, dailyApiLimit: 5 });
    await post('/reset');
    expect(sf.emulator.admin.findRecords(sf.demoOrgId, 'Lead', { LastName: 'Admin' })).toEqual([]);
    expect((await fetch(`${sf.url}/__admin/orgs/00Dnope/calls`)).status).toBe(404);
  });
});
