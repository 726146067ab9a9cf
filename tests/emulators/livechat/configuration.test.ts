import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient, otherClient, type ConfigAgent, type ConfigGroup } from '../../../emulators/livechat';
import { action, demoNormal, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';

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
      id: 'olivia.owner@demo-shop.example',
      account_id: 'a0000000-0000-4000-8000-000000000001',
      name: 'Olivia Owner',
      role: 'owner',
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
    const res = await config<ConfigAgent>('get_agent', { id: 'ada.admin@demo-shop.example' });
    expect(res.body).toEqual({
      id: 'ada.admin@demo-shop.example',
      account_id: 'a0000000-0000-4000-8000-000000000003',
      name: 'Ada Admin',
      role: 'administrator',
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
    expect(
      (await config<unknown[]>('list_webhooks', { owner_client_id: otherClient.clientId })).body,
    ).toEqual([]);
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

  it('disables, reports and enables license webhooks for the token’s client', async () => {
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: true });
    expect(await config('disable_license_webhooks')).toMatchObject({ status: 200, body: {} });
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: false });
    const other = lc.tokenFor(otherOwnerEmail);
    expect((await config('get_license_webhooks_state', {}, other)).body).toEqual({
      license_webhooks_enabled: true,
    });
    expect((await config('enable_license_webhooks', { owner_client_id: demoClient.clientId })).status).toBe(
      200,
    );
    expect((await config('get_license_webhooks_state')).body).toEqual({ license_webhooks_enabled: true });
    const readOnly = lc.tokenFor(demoOwner, ['webhooks.state:ro']);
    expect((await config('get_license_webhooks_state', {}, readOnly)).status).toBe(200);
    expect((await config('disable_license_webhooks', {}, readOnly)).status).toBe(403);
  });
});
