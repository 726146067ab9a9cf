import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fields } from '../../../emulators/salesforce';
import {
  API_VERSION,
  connectAs,
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

const v = `/services/data/v${API_VERSION}`;

describe('Sforce-Limit-Info', () => {
  it('reports the daily usage an admin set on every REST answer, errors included, as /limits does', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.setApiUsage(sf.demoOrgId, { used: 100, limit: 500 });
    await conn.query('SELECT Id FROM Lead');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 101, limit: 500 });
    const missing = await raw(sf.url, conn.accessToken, `${v}/sobjects/Nope__c/describe`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('sforce-limit-info')).toBe('api-usage=102/500');
    const limits = await raw<{ DailyApiRequests: { Max: number; Remaining: number } }>(
      sf.url,
      conn.accessToken,
      `${v}/limits`,
    );
    expect(limits.headers.get('sforce-limit-info')).toBe('api-usage=103/500');
    expect(limits.body.DailyApiRequests).toEqual({ Max: 500, Remaining: 500 - 103 });
    expect(sf.emulator.admin.getApiUsage(sf.demoOrgId)).toEqual({ used: 103, limit: 500 });
  });

  it('refuses every call with TotalRequests Limit exceeded once used reaches the limit', async () => {
    const { conn } = await connectAs(sf.url, nora);
    sf.emulator.admin.setApiUsage(sf.demoOrgId, { used: 500, limit: 500 });
    const error = await errorOf(conn.query('SELECT Id FROM Lead'));
    expect([error.name, error.message]).toEqual(['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']);
    const res = await raw(sf.url, conn.accessToken, `${v}/sobjects/Lead/describe`);
    expect(res.status).toBe(403);
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=500/500');
    expect(sf.emulator.admin.calls(sf.demoOrgId).map((c) => [c.status, c.counted])).toEqual([
      [403, false],
      [403, false],
    ]);
  });

  it('sets usage and limit over the admin HTTP API too', async () => {
    const put = await fetch(`${sf.url}/__admin/orgs/${sf.demoOrgId}/api-usage`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ used: 7, limit: 9 }),
    });
    expect(await put.json()).toEqual({ used: 7, limit: 9 });
  });
});

describe('Sforce-Call-Options', () => {
  it('records the client name jsforce sends in the call log', async () => {
    const { conn: authorized } = await connectAs(sf.url, nora);
    const jsforce = await loadJsforce();
    const conn = new jsforce.Connection({
      instanceUrl: sf.url,
      accessToken: authorized.accessToken ?? '',
      version: API_VERSION,
      callOptions: { client: 'SalesforceForLiveChat' },
    });
    await conn.query('SELECT Id FROM Lead');
    await conn.sobject('Lead').create({ LastName: 'Caller', Company: 'Named' });
    await raw(sf.url, conn.accessToken, `${v}/limits`, {
      headers: { 'Sforce-Call-Options': 'client=OtherTool; defaultNamespace=battle' },
    });
    await raw(sf.url, conn.accessToken, `${v}/limits`);
    expect(sf.emulator.admin.calls(sf.demoOrgId).map((c) => c.client)).toEqual([
      'SalesforceForLiveChat',
      'SalesforceForLiveChat',
      'OtherTool',
      undefined,
    ]);
    expect(sf.emulator.admin.callCount(sf.demoOrgId, { client: 'SalesforceForLiveChat' })).toBe(2);
    const overHttp = (await (
      await fetch(`${sf.url}/__admin/orgs/${sf.demoOrgId}/calls?client=OtherTool`)
    ).json()) as { count: number };
    expect(overHttp.count).toBe(1);
  });
});

describe('describe caching with Date and If-Modified-Since', () => {
  const path = `${v}/sobjects/Lead/describe`;

  it('dates answers by the emulator clock', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const res = await raw(sf.url, conn.accessToken, path);
    expect(res.headers.get('date')).toBe(sf.clock.now().toUTCString());
    sf.clock.advance(90_000);
    const again = await raw(sf.url, conn.accessToken, path, {
      headers: { 'If-Modified-Since': res.headers.get('date') ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('date')).toBe(sf.clock.now().toUTCString());
  });

  it('compares with the metadata change time, so the Date Salesforce sent is the value to send back', async () => {
    const { conn } = await connectAs(sf.url, nora);
    const first = await raw(sf.url, conn.accessToken, path);
    const serverDate = first.headers.get('date') ?? '';
    // The client's own clock runs 10 minutes ahead of the org's.
    const clientClock = new Date(sf.clock.now().getTime() + 10 * 60_000).toUTCString();

    sf.clock.advance(60_000);
    sf.emulator.admin.addField(sf.demoOrgId, 'Lead', fields.text('Shoe_Size__c', 'Shoe Size', 10));

    // Sent back, the server's Date sees the change.
    const withServerDate = await raw<{ fields: Array<{ name: string }> }>(sf.url, conn.accessToken, path, {
      headers: { 'If-Modified-Since': serverDate },
    });
    expect(withServerDate.status).toBe(200);
    expect(withServerDate.body.fields.map((f) => f.name)).toContain('Shoe_Size__c');
    // The client's own (fast) clock is later than the change, so the org answers 304 and the
    // client would keep the stale describe: never send your own clock.
    const withOwnClock = await raw(sf.url, conn.accessToken, path, {
      headers: { 'If-Modified-Since': clientClock },
    });
    expect(withOwnClock.status).toBe(304);
    // The new Date, sent back, is unchanged until the next metadata change.
    const nextDate = withServerDate.headers.get('date') ?? '';
    sf.clock.advance(60_000);
    expect(
      (await raw(sf.url, conn.accessToken, path, { headers: { 'If-Modified-Since': nextDate } })).status,
    ).toBe(304);
  });
});
