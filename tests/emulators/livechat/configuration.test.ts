import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient, otherClient, type ConfigAgent, type ConfigGroup } from '../../../emulators/livechat';
import { action, demoNormal, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';
import { ada, olivia, otherLicense } from '../../support/factories/people';

let lc: Started;
let owner: string;
beforeAll(async () => {
  lc = await startEmulator();
  owner = lc.tokenFor(demoOwner);
});
afterAll(() => lc.close());

const config = <T = unknown>(name: string, body: unknown = {}, token = owner) =>
  action<T>(lc.url, 'configuration', name, token, body);

describe('agents', () => {
  it('list_agents returns a bare array with every role and account ids', async () => {
    const res = await config<ConfigAgent[]>('list_agents');
    expect(res.status).toBe(200);
    expect(res.body.map((a) => a.role).sort()).toEqual([
      'administrator',
      'normal',
      'normal',
      'owner',
      'viceowner',
    ]);
    expect(res.body[0]).toEqual({
      id: olivia.email,
      account_id: olivia.accountId,
      name: olivia.name,
      role: olivia.role,
      login_status: 'accepting chats',
      avatar_path: expect.any(String),
    });
  });

  it('list_agents adds requested fields and filters by group', async () => {
    const res = await config<ConfigAgent[]>('list_agents', {
      filters: { group_ids: [1] },
      fields: ['job_title', 'groups', 'max_chats_count'],
    });
    expect(res.body.map((a) => a.id)).not.toContain(demoNormal);
    expect(res.body[0]).toMatchObject({
      job_title: 'Founder',
      max_chats_count: 6,
      groups: [
        { id: 0, priority: 'normal' },
        { id: 1, priority: 'normal' },
      ],
    });
  });

  it('list_agents needs agents--all:ro and validates fields', async () => {
    expect(await config('list_agents', {}, lc.tokenFor(demoOwner, ['agents--my:ro']))).toMatchObject({
      status: 403,
      body: { error: { type: 'authorization' } },
    });
    expect(await config('list_agents', { fields: ['shoe_size'] })).toMatchObject({
      status: 400,
      body: { error: { type: 'validation' } },
    });
    expect((await config('list_agents', {}, '')).status).toBe(401);
  });

  it('get_agent returns one agent; agents--my:ro only allows oneself', async () => {
    const res = await config<ConfigAgent>('get_agent', { id: ada.email });
    expect(res.body).toEqual({
      id: ada.email,
      account_id: ada.accountId,
      name: ada.name,
      role: ada.role,
      login_status: 'not accepting chats',
      avatar: expect.any(String),
    });
    const my = lc.tokenFor(demoNormal, ['agents--my:ro']);
    expect((await config<ConfigAgent>('get_agent', { id: demoNormal }, my)).body.role).toBe('normal');
    expect((await config('get_agent', { id: demoOwner }, my)).status).toBe(403);
    expect(await config('get_agent', { id: 'ghost@demo-shop.example' })).toMatchObject({
      status: 404,
      body: { error: { type: 'not_found' } },
    });
    expect((await config('get_agent', { id: otherOwnerEmail })).status).toBe(404);
    expect((await config('get_agent', {})).status).toBe(400);
  });
});

describe('groups', () => {
  it('list_groups returns General (0) and Sales (1), with optional fields', async () => {
    expect((await config<ConfigGroup[]>('list_groups')).body).toEqual([
      { id: 0, name: 'General', language_code: 'en' },
      { id: 1, name: 'Sales', language_code: 'en' },
    ]);
    const detailed = await config<ConfigGroup[]>('list_groups', {
      fields: ['agent_priorities', 'routing_status'],
    });
    expect(detailed.body[1]).toMatchObject({
      routing_status: 'accepting_chats',
      agent_priorities: { [demoOwner]: 'normal' },
    });
    expect(detailed.body[1]?.agent_priorities).not.toHaveProperty(demoNormal);
    expect((await config('list_groups', {}, lc.tokenFor(demoOwner, ['agents--all:ro']))).status).toBe(403);
  });
});

describe('list_agents and list_groups (Configuration API v3.5)', () => {
  it('take the scopes that contain agents--all:ro / groups--all:ro, and refuse the narrower ones', async () => {
    for (const scope of ['agents--all:ro', 'agents--all:rw']) {
      expect((await config('list_agents', {}, lc.tokenFor(demoNormal, [scope]))).status).toBe(200);
    }
    for (const scope of ['groups--all:ro', 'groups--all:rw']) {
      expect((await config('list_groups', {}, lc.tokenFor(demoNormal, [scope]))).status).toBe(200);
    }
    expect(await config('list_agents', {}, lc.tokenFor(demoNormal, ['agents--my:rw']))).toMatchObject({
      status: 403,
      body: { error: { type: 'authorization', message: expect.stringContaining('agents--all:ro') } },
    });
    expect(await config('list_groups', {}, lc.tokenFor(demoNormal, ['groups--my:ro']))).toMatchObject({
      status: 403,
      body: { error: { type: 'authorization', message: expect.stringContaining('groups--all:ro') } },
    });
  });

  it('list_agents: filters.suspended keeps the agents with that value; every agent is unsuspended', async () => {
    const all = (await config<ConfigAgent[]>('list_agents')).body;
    expect((await config<ConfigAgent[]>('list_agents', { filters: { suspended: false } })).body).toEqual(all);
    expect((await config<ConfigAgent[]>('list_agents', { filters: { suspended: true } })).body).toEqual([]);
    const sales = await config<ConfigAgent[]>('list_agents', {
      filters: { group_ids: [1] },
      fields: ['groups'],
    });
    expect(sales.body.length).toBeGreaterThan(0);
    expect(sales.body.every((a) => a.groups?.some((g) => g.id === 1))).toBe(true);
  });

  it.each([
    ['list_agents', { filters: { group_ids: ['1'] } }, 'filters.group_ids.0'],
    ['list_agents', { filters: { group_ids: [1.5] } }, 'filters.group_ids.0'],
    ['list_agents', { filters: { suspended: 'no' } }, 'filters.suspended'],
    ['list_agents', { fields: 'groups' }, 'fields'],
    ['list_groups', { fields: ['members'] }, 'fields.0'],
  ])('%s answers 400 validation to %j', async (name, body, field) => {
    expect(await config(name, body)).toMatchObject({
      status: 400,
      body: { error: { type: 'validation', message: 'Wrong format of request', data: { field } } },
    });
  });
});

describe('webhooks', () => {
  const registration = {
    url: 'https://app.example/webhooks/livechat',
    action: 'chat_deactivated',
    secret_key: 'laudla991lamda0pnoaa0',
    owner_client_id: demoClient.clientId,
    type: 'license',
    description: 'Create SF record',
  };

  it('registers, lists and unregisters', async () => {
    const created = await config<{ id: string }>('register_webhook', registration);
    expect(created.status).toBe(200);
    expect(Object.keys(created.body)).toEqual(['id']);
    const list = await config<unknown[]>('list_webhooks', { owner_client_id: demoClient.clientId });
    expect(list.body).toEqual([
      {
        id: created.body.id,
        url: registration.url,
        description: 'Create SF record',
        action: 'chat_deactivated',
        filters: {},
        owner_client_id: demoClient.clientId,
        type: 'license',
      },
    ]);
    // Another organization's app is not ours to list.
    expect(await config('list_webhooks', { owner_client_id: otherClient.clientId })).toMatchObject({
      status: 403,
      body: { error: { type: 'authorization' } },
    });
    expect(
      await config('unregister_webhook', { id: created.body.id, owner_client_id: demoClient.clientId }),
    ).toMatchObject({
      status: 200,
      body: {},
    });
    expect((await config<unknown[]>('list_webhooks', { owner_client_id: demoClient.clientId })).body).toEqual(
      [],
    );
    expect(
      await config('unregister_webhook', { id: created.body.id, owner_client_id: demoClient.clientId }),
    ).toMatchObject({
      status: 404,
      body: { error: { type: 'not_found' } },
    });
  });

  it.each([
    [{ url: 'not a url' }, 'url'],
    [{ action: 'chat_exploded' }, 'action'],
    [{ owner_client_id: undefined }, 'owner_client_id'],
    [{ secret_key: '' }, 'secret_key'],
    [{ type: 'global' }, 'type'],
    [{ owner_client_id: 'unknown-client' }, 'owner_client_id'],
  ])('register_webhook answers 400 to %j', async (patch, field) => {
    const res = await config('register_webhook', { ...registration, ...patch });
    expect(res).toMatchObject({ status: 400, body: { error: { type: 'validation', data: { field } } } });
  });

  it('allows three webhooks per action and needs webhooks.configuration:rw', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await config<{ id: string }>('register_webhook', registration)).body.id);
    expect(await config('register_webhook', registration)).toMatchObject({
      status: 403,
      body: { error: { type: 'limit_reached' } },
    });
    for (const id of ids) await config('unregister_webhook', { id, owner_client_id: demoClient.clientId });
    const noScope = lc.tokenFor(demoOwner, ['chats--all:ro']);
    for (const name of ['register_webhook', 'list_webhooks', 'unregister_webhook']) {
      expect((await config(name, registration, noScope)).status).toBe(403);
    }
  });

  it('lets only the app author’s organization register, list or unregister the app’s webhooks', async () => {
    const created = await config<{ id: string }>('register_webhook', registration);
    // The other organization's owner installed the app, but its token may not touch the registration.
    const stranger = lc.tokenFor(otherOwnerEmail);
    const refused = { status: 403, body: { error: { type: 'authorization' } } };
    expect(await config('register_webhook', registration, stranger)).toMatchObject(refused);
    expect(await config('list_webhooks', { owner_client_id: demoClient.clientId }, stranger)).toMatchObject(
      refused,
    );
    expect(
      await config(
        'unregister_webhook',
        { id: created.body.id, owner_client_id: demoClient.clientId },
        stranger,
      ),
    ).toMatchObject(refused);
    expect(
      (await config<unknown[]>('list_webhooks', { owner_client_id: demoClient.clientId })).body,
    ).toHaveLength(1);
    await config('unregister_webhook', { id: created.body.id, owner_client_id: demoClient.clientId });
  });

  it('takes a personal access token as Basic <account_id>:<token>; the state actions then need owner_client_id', async () => {
    const pat = lc.emulator.admin.issuePersonalAccessToken(demoOwner, [
      'webhooks.configuration:rw',
      'webhooks.state:ro',
    ]);
    const basic = (credentials: string) => ({
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
      'x-region': pat.token.split(':')[0] ?? '',
    });
    const post = async (name: string, body: unknown, credentials = `${pat.accountId}:${pat.token}`) => {
      const res = await fetch(`${lc.url}/v3.5/configuration/action/${name}`, {
        method: 'POST',
        headers: basic(credentials),
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const created = await post('register_webhook', registration);
    expect(created.status).toBe(200);
    expect(await post('get_license_webhooks_state', {})).toMatchObject({
      status: 400,
      body: { error: { type: 'validation', data: { field: 'owner_client_id' } } },
    });
    expect(await post('get_license_webhooks_state', { owner_client_id: demoClient.clientId })).toEqual({
      status: 200,
      body: { license_webhooks_enabled: true },
    });
    // The token belongs to its account only, and its scopes are fixed at creation.
    expect(
      (await post('list_webhooks', { owner_client_id: demoClient.clientId }, `someone-else:${pat.token}`))
        .status,
    ).toBe(401);
    expect((await post('disable_license_webhooks', { owner_client_id: demoClient.clientId })).status).toBe(
      403,
    );
    await post('unregister_webhook', { id: created.body.id, owner_client_id: demoClient.clientId });
  });

  it('reports webhooks off on a license that has not installed the app', async () => {
    const other = lc.tokenFor(otherOwnerEmail);
    expect((await config('get_license_webhooks_state', {}, other)).body).toEqual({
      license_webhooks_enabled: false,
    });
    lc.emulator.admin.installApp(otherLicense.licenseId, demoClient.clientId);
    expect((await config('get_license_webhooks_state', {}, other)).body).toEqual({
      license_webhooks_enabled: true,
    });
    lc.emulator.admin.uninstallApp(otherLicense.licenseId, demoClient.clientId);
  });

  it('disables, reports and enables license webhooks for the token’s client', async () => {
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: true });
    expect(await config('disable_license_webhooks')).toMatchObject({ status: 200, body: {} });
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: false });
    // Per license: the other license (which installed our app) is not affected.
    lc.emulator.admin.installApp(otherLicense.licenseId, demoClient.clientId);
    const other = lc.tokenFor(otherOwnerEmail);
    expect((await config('get_license_webhooks_state', {}, other)).body).toEqual({
      license_webhooks_enabled: true,
    });
    lc.emulator.admin.uninstallApp(otherLicense.licenseId, demoClient.clientId);
    expect((await config('enable_license_webhooks', { owner_client_id: demoClient.clientId })).status).toBe(
      200,
    );
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: true });
    const readOnly = lc.tokenFor(demoOwner, ['webhooks.state:ro']);
    expect((await config('get_license_webhooks_state', {}, readOnly)).status).toBe(200);
    expect((await config('disable_license_webhooks', {}, readOnly)).status).toBe(403);
  });
});
