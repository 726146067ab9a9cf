import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { olivia } from '../../support/factories/people';
import { startWorld, type World } from '../../support/world';

let world: World;
let owner: string;
let accountId: string;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  owner = world.tokenFor(olivia.email);
  accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
});
afterAll(async () => {
  await world?.close();
});

const send = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> }) =>
  fetch(`${world.appUrl}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}`, ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });

async function expectClientError(res: Response, status = 400) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  return body;
}

describe('bad input gets a 4xx that says what is wrong, never a 500', () => {
  it.each([
    ['a NUL byte', '"EU\\u0000sandbox"'],
    ['a lone surrogate', '"EU\\ud800sandbox"'],
  ])('refuses %s in a string of any JSON body (an account label)', async (_what, label) => {
    const res = await send(`/api/settings/accounts/${accountId}`, {
      method: 'PATCH',
      body: `{"label":${label}}`,
    });
    const body = await expectClientError(res);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.problems).toEqual([
      { path: 'body.label', message: expect.stringMatching(/character/) },
    ]);
  });

  it('refuses them in a mapping’s values and in the webhook’s ids', async () => {
    const mapping = await send(`/api/settings/accounts/${accountId}/mappings`, {
      body: JSON.stringify({
        objectName: 'Lead',
        fields: [{ entryType: 'static', field: 'Company', value: 'Acme\u0000' }],
      }),
    });
    expect((await expectClientError(mapping)).error.details.problems[0].path).toBe('body.fields.0.value');
    for (const payload of [
      { organization_id: 'org\u0000', payload: { chat_id: 'C1', thread_id: 'T1' } },
      { organization_id: 'org', payload: { chat_id: 'C1\ud800', thread_id: 'T1' } },
    ]) {
      const res = await fetch(`${world.appUrl}/webhooks/livechat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret_key: 's', action: 'chat_deactivated', ...payload }),
      });
      await expectClientError(res);
    }
  });

  it('refuses a body that says it is gzip but is not', async () => {
    const res = await send(`/api/settings/accounts/${accountId}`, {
      method: 'PATCH',
      body: '{"label":"EU"}',
      headers: { 'content-encoding': 'gzip' },
    });
    await expectClientError(res);
  });

  it('refuses an audit page before a date no database stores', async () => {
    const res = await send('/api/settings/audit?before=0000-01-01T00:00:00Z', { method: 'GET' });
    const body = await expectClientError(res);
    expect(body.error.details.problems[0].path).toBe('query.before');
  });

  it('answers a lookup on an object the org does not have with 404', async () => {
    const res = await send(`/api/settings/accounts/${accountId}/lookup?object=NoSuchObject__c&q=a`, {
      method: 'GET',
    });
    const body = await expectClientError(res, 404);
    expect(body.error.message).toContain('NoSuchObject__c');
  });

  it('answers headers too large (Node’s own 431) in our JSON error shape', async () => {
    const { status, body, type } = await new Promise<{ status: number; body: string; type: string }>(
      (resolve, reject) => {
        const req = http.request(
          `${world.appUrl}/api/me`,
          { headers: { 'x-huge': 'a'.repeat(20_000) } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: text, type: res.headers['content-type'] ?? '' }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(431);
    expect(type).toContain('application/json');
    expect(JSON.parse(body)).toEqual({
      error: { code: 'bad_request', message: expect.stringMatching(/header/i) },
    });
  });

  it('says no-store on the settings API’s answers, as on the widget’s', async () => {
    const res = await send('/api/settings/accounts', { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
