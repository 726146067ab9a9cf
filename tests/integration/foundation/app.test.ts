import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/testApp';

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('health', () => {
  it('answers /healthz while the process is up', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz as ready when the database is reachable and migrated', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'ok', migrations: { pending: [] } });
  });

  it('answers /readyz with 503 and names a migration the database lacks', async () => {
    const behind = await startTestApp(database, {
      migrationNames: [...database.migrationNames, '29991231000000_future'],
    });
    try {
      const res = await fetch(`${behind.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'not_ready',
        database: 'ok',
        migrations: { pending: ['29991231000000_future'] },
      });
    } finally {
      await behind.close();
    }
  });
});

describe('errors', () => {
  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await fetch(`${app.url}/api/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers an unknown route with a 404 JSON error and no stack', async () => {
    const res = await fetch(`${app.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toEqual({
      error: { code: 'not_found', message: 'There is no GET /api/nothing-here here.' },
    });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('gives every response a request id, echoing a sane one from the caller', async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'req-123' } });
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const other = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  it('lets LiveChat frame the frontends through CSP frame-ancestors, not X-Frame-Options', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
    // Every host the Agent App SDK accepts messages from (widget-core-sdk connection helpers).
    expect(ancestors).toEqual(
      expect.arrayContaining([
        'https://*.livechatinc.com',
        'https://*.livechat.com',
        'https://*.text.com',
        'https://*.helpdesk.com',
      ]),
    );
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
