import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents } from '../../../emulators/demo/people';
import { otherClient } from '../../../emulators/livechat';
import { endpoints } from '../../../src/api/endpoints';
import { ada, nora, olivia, oscar, victor } from '../../support/factories/people';
import { startWorld, type World } from '../../support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: true });
});
afterAll(async () => {
  await world?.close();
});

const settingsEndpoints = [
  endpoints.getInstallation,
  endpoints.listAccounts,
  endpoints.getDirectory,
  endpoints.listAudit,
  endpoints.getChatFields,
];

describe('who may do what', () => {
  it.each([olivia, victor])('lets the $role use every settings endpoint', async ({ email }) => {
    const token = world.tokenFor(email);
    for (const endpoint of settingsEndpoints) await world.call(token, endpoint);
  });

  it.each([ada, nora])('answers 403 to an $role, naming who can configure the app', async ({ email }) => {
    const token = world.tokenFor(email);
    for (const { path } of settingsEndpoints) {
      const res = await world.api(token, path);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.details).toEqual({
        reason: 'not_owner',
        configuredBy: [olivia.name, victor.name],
      });
    }
    const create = await world.api(token, '/api/settings/accounts', {
      body: { label: 'x', environment: 'production' },
    });
    expect(create.status).toBe(403);
  });

  it.each(demoAgents.map((a) => [a.role, a.email]))(
    'lets any agent (%s) use the widget API',
    async (_role, email) => {
      const { accounts } = await world.call(world.tokenFor(email), endpoints.listUsableAccounts);
      expect(accounts.map((a) => a.label)).toEqual(['Demo Shop']);
    },
  );

  it('answers /api/me with the role LiveChat gives, not one the browser claims', async () => {
    const res = await fetch(`${world.appUrl}/api/me?role=owner`, {
      headers: { authorization: `Bearer ${world.tokenFor(nora.email)}`, 'x-livechat-role': 'owner' },
    });
    const body = await res.json();
    expect(body.agent.role).toBe('normal');
    expect(body.canConfigure).toBe(false);
  });
});

describe('tokens', () => {
  it('answers every first request of a new license, even when they arrive together', async () => {
    const tokens = Array.from({ length: 6 }, () => world.tokenFor(oscar.email));
    const answers = await Promise.all(tokens.map((t) => world.call(t, endpoints.getMe)));
    expect(answers).toHaveLength(6);
    expect(new Set(answers.map((a) => a.agent.licenseId)).size).toBe(1);
  });

  it('answers 401 without a token', async () => {
    const res = await world.api(null, '/api/settings/accounts');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('answers 401 to a forged token', async () => {
    const res = await world.api('dal:forged-token-that-livechat-never-issued', '/api/widget/accounts');
    expect(res.status).toBe(401);
  });

  it('answers 401 to an expired token', async () => {
    const token = world.tokenFor(olivia.email, { expiresIn: 1 });
    world.livechat.admin.expireToken(token);
    const res = await world.api(token, '/api/settings/accounts');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired|not valid/);
  });

  it('answers 401 to a token LiveChat issued to another app', async () => {
    const token = world.tokenFor(olivia.email, { clientId: otherClient.clientId });
    const res = await world.api(token, '/api/settings/accounts');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/not issued to Salesforce for LiveChat/);
  });

  it('keeps another license out of this license’s data', async () => {
    const demoAccounts = await world.call(world.tokenFor(olivia.email), endpoints.listAccounts);
    const demoAccountId = demoAccounts.accounts[0]!.id;
    const other = world.tokenFor(oscar.email);

    const list = await world.call(other, endpoints.listAccounts);
    expect(list.accounts).toEqual([]);
    for (const [method, path] of [
      ['GET', `/api/settings/accounts/${demoAccountId}/access`],
      ['PATCH', `/api/settings/accounts/${demoAccountId}`],
      ['DELETE', `/api/settings/accounts/${demoAccountId}`],
      ['GET', `/api/settings/accounts/${demoAccountId}/mappings`],
      ['GET', `/api/settings/accounts/${demoAccountId}/objects`],
    ] as const) {
      const res = await world.api(other, path, {
        method,
        ...(method === 'PATCH' ? { body: { label: 'mine' } } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const widget = await world.call(other, endpoints.listUsableAccounts);
    expect(widget.accounts).toEqual([]);
    const audit = await world.call(other, endpoints.listAudit);
    expect(audit.entries).toEqual([]);
    const still = await world.call(world.tokenFor(olivia.email), endpoints.listAccounts);
    expect(still.accounts[0]?.label).toBe('Demo Shop');
  });
});

describe('input validation', () => {
  it('names every problem of a bad account request', async () => {
    const res = await world.api(world.tokenFor(olivia.email), '/api/settings/accounts', {
      body: { label: '', environment: 'staging' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['body.label', 'body.environment']));
  });

  it('rejects an account id that is not a uuid with a 400', async () => {
    const res = await world.api(world.tokenFor(olivia.email), '/api/settings/accounts/not-a-uuid/access');
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems[0].path).toBe('params.id');
  });
});
