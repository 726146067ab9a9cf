import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, demoApp, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
beforeEach(async () => {
  sf = await startEmulator();
});
afterEach(async () => {
  await sf.close();
});

const limitsPath = `/services/data/v${API_VERSION}/limits`;
const tokenCall = (params: Record<string, string>, signal?: AbortSignal) =>
  fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams(params), signal });

describe('REST faults', () => {
  it('answers UNABLE_TO_LOCK_ROW naming the record the call touched', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const created = await conn.sobject('Account').create({ Name: 'Locked Ltd' });
    if (!created.success) throw new Error('not created');
    sf.emulator.admin.failNext(1, { kind: 'UNABLE_TO_LOCK_ROW' });
    const error = await errorOf(conn.sobject('Account').update({ Id: created.id, Name: 'Renamed' }));
    expect(error.name).toBe('UNABLE_TO_LOCK_ROW');
    expect(error.message).toBe(
      `unable to obtain exclusive access to this record or 1 records: ${created.id}`,
    );

    sf.emulator.admin.failNext(1, { kind: 'UNABLE_TO_LOCK_ROW', recordId: '001000000000001AAA' });
    const res = await raw(sf.url, conn.accessToken, limitsPath);
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        message: 'unable to obtain exclusive access to this record or 1 records: 001000000000001AAA',
        errorCode: 'UNABLE_TO_LOCK_ROW',
        fields: [],
      },
    ]);
    expect(sf.emulator.admin.calls(sf.demoOrgId, { counted: false }).map((c) => c.status)).toEqual([
      400, 400,
    ]);
  });

  it('fails only requests of the method a fault names', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 500, method: 'POST' });
    expect((await raw(sf.url, conn.accessToken, limitsPath)).status).toBe(200);
    const error = await errorOf(conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect(error.name).toBe('UNKNOWN_EXCEPTION');
    expect((await raw(sf.url, conn.accessToken, limitsPath)).status).toBe(200);
  });

  it('tells the concurrent limit from the daily one by message only', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 'CONCURRENT_LIMIT' });
    sf.emulator.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED' });
    const concurrent = await errorOf(conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect([concurrent.name, concurrent.message]).toEqual([
      'REQUEST_LIMIT_EXCEEDED',
      'ConcurrentPerOrgLongTxn Limit exceeded',
    ]);
    const daily = await raw(sf.url, conn.accessToken, limitsPath);
    expect(daily.status).toBe(403);
    expect(daily.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
  });

  it('answers a gateway 502 with an HTML body, which jsforce reports as ERROR_HTTP_502', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(2, { kind: 'HTML_502' });
    const res = await raw(sf.url, conn.accessToken, limitsPath);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(String(res.body)).toContain('<title>502 Bad Gateway</title>');
    // POST is not retried by jsforce, so the 502 surfaces at once.
    const error = await errorOf(conn.sobject('Lead').create({ LastName: 'X', Company: 'Y' }));
    expect(error.name).toBe('ERROR_HTTP_502');
    expect(error.message).toContain('HTTP response contains html content');
  });
});

describe('token endpoint faults', () => {
  it('answers inactive_user as invalid_grant, which fails jsforce refresh', async () => {
    const { conn, refreshes } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 'inactive_user' });
    // The OAuth-only kinds default to the token endpoint: this REST call is not failed.
    expect((await conn.query('SELECT Id FROM Lead LIMIT 1')).totalSize).toBe(1);
    sf.emulator.admin.expireAccessTokens(sf.demoOrgId);
    const error = await errorOf(conn.query('SELECT Id FROM Lead LIMIT 1'));
    expect(error.message).toBe('Unable to refresh session due to: inactive user');
    expect(refreshes).toHaveLength(0);
  });

  it('answers invalid_client and a gateway 502 in their real shapes', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const params = {
      grant_type: 'refresh_token',
      refresh_token: conn.refreshToken ?? '',
      client_id: demoApp.clientId,
      client_secret: demoApp.clientSecret,
    };
    sf.emulator.admin.failNext(1, { kind: 'invalid_client' });
    const res = await tokenCall(params);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
    sf.emulator.admin.failNext(1, { kind: 'HTML_502', scope: 'oauth' });
    const gateway = await tokenCall(params);
    expect([gateway.status, gateway.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect((await tokenCall(params)).status).toBe(200);
  });

  it('refuses a kind in a scope it cannot answer', () => {
    expect(() => sf.emulator.admin.failNext(1, { kind: 'inactive_user', scope: 'api' })).toThrow(RangeError);
    expect(() => sf.emulator.admin.failNext(1, { kind: 'UNABLE_TO_LOCK_ROW', scope: 'oauth' })).toThrow(
      RangeError,
    );
  });
});

describe('hang', () => {
  it('gives no answer, so a caller deadline fires, and lets the abandoned call go', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 'hang' });
    const started = performance.now();
    const error = await errorOf(
      fetch(`${sf.url}${limitsPath}`, {
        headers: { authorization: `Bearer ${conn.accessToken}` },
        signal: AbortSignal.timeout(150),
      }),
    );
    expect(error.name).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    // The abandoned call is let go as soon as the emulator sees the client leave.
    await expect.poll(() => sf.emulator.admin.heldRequests()).toBe(0);
    sf.emulator.admin.clearFaults();
    expect(sf.emulator.admin.calls(sf.demoOrgId, { kind: 'limits' })).toEqual([]);
    expect((await raw(sf.url, conn.accessToken, limitsPath)).status).toBe(200);
  });

  it('answers a held call as usual once the faults are cleared, if the client still waits', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 'hang' });
    const pending = raw(sf.url, conn.accessToken, limitsPath);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sf.emulator.admin.heldRequests()).toBe(1);
    sf.emulator.admin.clearFaults();
    expect((await pending).status).toBe(200);
  });

  it('holds jsforce until its own timeout, and holds the token endpoint too', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.failNext(1, { kind: 'hang' });
    const error = await errorOf(conn.request({ method: 'GET', url: limitsPath }, { timeout: 150 }));
    expect(error.name).toBe('AbortError');
    sf.emulator.admin.failNext(1, { kind: 'hang', scope: 'oauth' });
    const token = await errorOf(tokenCall({ grant_type: 'refresh_token' }, AbortSignal.timeout(150)));
    expect(token.name).toBe('TimeoutError');
  });

  it('does not keep close() waiting', async () => {
    const own = await startEmulator();
    const { conn } = await connectAs(own.url, nora);
    own.emulator.admin.failNext(1, { kind: 'hang' });
    const pending = raw(own.url, conn.accessToken, limitsPath).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
  });
});
