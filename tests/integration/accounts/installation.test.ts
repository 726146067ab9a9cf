import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient } from '../../../emulators/livechat';
import { endpoints } from '../../../src/api/endpoints';
import { RETIRED_GRACE_MS } from '../../../server/automation/webhookSecrets';
import { livechatCode } from '../../support/oauth';
import { startWorld, type World } from '../../support/world';
import { demoLicense, olivia, oscar, otherLicense } from '../../support/factories/people';

let world: World;
let owner: string;

beforeAll(async () => {
  world = await startWorld({ seed: false });
  owner = world.tokenFor(olivia.email);
});
afterAll(async () => {
  await world?.close();
});

async function installAs(email: string) {
  const redirectUri = `${world.appUrl}/settings/`;
  const code = await livechatCode(world.livechatUrl, world.livechat.admin.sessionCookie(email), {
    clientId: demoClient.clientId,
    redirectUri,
  });
  return world.call(world.tokenFor(email), endpoints.install, { body: { code, redirectUri } });
}

const ourWebhooks = () =>
  world.livechat.admin
    .webhooks()
    .filter((w) => w.url === `${world.appUrl}/webhooks/livechat` && w.action === 'chat_deactivated');

const postWebhook = (body: unknown) =>
  fetch(`${world.appUrl}/webhooks/livechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

function endChatOf(licenseId: number, agentEmail: string) {
  const { chatId } = world.livechat.admin.createChat(licenseId, {
    visitor: { name: 'Ina Stall', email: `ina.${licenseId}@example.org` },
    agentEmail,
    messages: [['c', 'Hello']],
  });
  world.livechat.admin.endChat(licenseId, chatId, { userId: agentEmail });
  return chatId;
}

describe('the app’s webhook, registered by the app’s author', () => {
  it('is registered once at start with the author’s token, its own secret stored encrypted', async () => {
    expect(ourWebhooks()).toHaveLength(1);
    const [hook] = ourWebhooks();
    expect(hook).toMatchObject({ owner_client_id: demoClient.clientId, type: 'license' });
    const [row, ...more] = await world.app.db.webhookRegistration.findMany({
      where: { action: 'chat_deactivated' },
    });
    expect(more).toEqual([]);
    expect(row!.webhookId).toBe(hook!.id);
    expect(row!.secretEnc).toMatch(/^v1\./);
    expect(world.app.services.secretBox.decrypt(row!.secretEnc)).toBe(hook!.secret_key);
    expect(world.logs.join('')).not.toContain(hook!.secret_key);
    // One registration per event the app needs, each with a secret of its own.
    const all = world.livechat.admin.webhooks().filter((w) => w.url === `${world.appUrl}/webhooks/livechat`);
    expect(all.map((w) => w.action).sort()).toEqual(
      ['chat_deactivated', 'customer_session_fields_updated', 'incoming_chat'].sort(),
    );
    expect(new Set(all.map((w) => w.secret_key)).size).toBe(3);
  });

  it('is kept as it is by the next start (idempotent)', async () => {
    const before = ourWebhooks()[0]!.id;
    expect((await world.app.services.webhookRegistration.ensure()).chat_deactivated).toEqual({
      webhookId: before,
      registered: false,
    });
    expect(ourWebhooks().map((w) => w.id)).toEqual([before]);
  });

  it('replaces a registration at our URL whose secret we do not know, and one removed at LiveChat', async () => {
    const pat = world.livechat.admin.issuePersonalAccessToken(olivia.email, ['webhooks.configuration:rw']);
    const register = await fetch(`${world.livechatUrl}/v3.5/configuration/action/register_webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${pat.accountId}:${pat.token}`).toString('base64')}`,
      },
      body: JSON.stringify({
        url: `${world.appUrl}/webhooks/livechat`,
        action: 'chat_deactivated',
        secret_key: 'registered-by-hand',
        owner_client_id: demoClient.clientId,
        type: 'license',
      }),
    });
    expect(register.status).toBe(200);
    const ours = ourWebhooks()[0]!.id;
    await world.app.services.webhookRegistration.ensure();
    expect(ourWebhooks().map((w) => w.id)).toEqual([ours]);

    await fetch(`${world.livechatUrl}/v3.5/configuration/action/unregister_webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${pat.accountId}:${pat.token}`).toString('base64')}`,
      },
      body: JSON.stringify({ id: ours, owner_client_id: demoClient.clientId }),
    });
    const { chat_deactivated: again } = await world.app.services.webhookRegistration.ensure();
    expect(again.registered).toBe(true);
    expect(ourWebhooks().map((w) => w.id)).toEqual([again.webhookId]);
    const retired = await world.app.db.webhookRegistration.findUniqueOrThrow({ where: { webhookId: ours } });
    expect(retired.retiredAt).not.toBeNull();
  });
});

describe('installing the app for a license', () => {
  it('is not installed before the owner opens the settings', async () => {
    expect(await world.call(owner, endpoints.getInstallation)).toEqual({
      installed: false,
      installedAt: null,
      installedBy: null,
      webhooksEnabled: false,
    });
  });

  it('exchanges the code, stores the license tokens encrypted, and registers nothing', async () => {
    const registration = ourWebhooks()[0]!.id;
    expect(await installAs(olivia.email)).toMatchObject({
      installed: true,
      installedBy: olivia.email,
      webhooksEnabled: true,
    });
    expect(ourWebhooks().map((w) => w.id)).toEqual([registration]);
    const row = await world.app.db.liveChatInstallation.findFirstOrThrow();
    expect(row.accessTokenEnc).toMatch(/^v1\./);
    expect(row.refreshTokenEnc).toMatch(/^v1\./);
  });

  it('switches the license’s webhooks back on when someone had switched them off', async () => {
    world.livechat.admin.setLicenseWebhooksEnabled(demoLicense.licenseId, demoClient.clientId, false);
    // The settings ask LiveChat, so they say so at once.
    expect((await world.call(owner, endpoints.getInstallation)).webhooksEnabled).toBe(false);
    expect((await installAs(olivia.email)).webhooksEnabled).toBe(true);
    const state = await fetch(`${world.livechatUrl}/v3.5/configuration/action/get_license_webhooks_state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}` },
      body: '{}',
    });
    expect(await state.json()).toEqual({ license_webhooks_enabled: true });
  });

  it('a second organization’s license (fra) installs the same app and gets its ended chats, the first’s registration untouched', async () => {
    const registration = ourWebhooks()[0]!.id;
    world.livechat.admin.installApp(otherLicense.licenseId, demoClient.clientId);
    expect(await installAs(oscar.email)).toMatchObject({ installed: true, webhooksEnabled: true });
    expect(ourWebhooks().map((w) => w.id)).toEqual([registration]);

    const theirs = endChatOf(otherLicense.licenseId, oscar.email);
    const ours = endChatOf(demoLicense.licenseId, olivia.email);
    await world.livechat.admin.waitForDeliveries();
    const events = await world.app.db.webhookEvent.findMany({ where: { chatId: { in: [theirs, ours] } } });
    expect(events.map((e) => [e.chatId, e.licenseId]).sort()).toEqual(
      [
        [theirs, otherLicense.organizationId],
        [ours, demoLicense.organizationId],
      ].sort(),
    );
    // The secret came with each delivery and is stored with none of them.
    for (const event of events) expect(event.payload).not.toHaveProperty('secret_key');
  });

  it('refuses a code that LiveChat does not accept', async () => {
    const res = await world.api(owner, '/api/settings/installation', {
      body: { code: 'dal:not-a-real-code', redirectUri: `${world.appUrl}/settings/` },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('livechat_error');
  });

  it('validates the request', async () => {
    const res = await world.api(owner, '/api/settings/installation', { body: { redirectUri: 'not a url' } });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.redirectUri']));
  });
});

describe('rotating the webhook’s secret', () => {
  it('registers the new one before the old one goes, and accepts the old one’s retries for a while', async () => {
    const old = ourWebhooks()[0]!;
    const {
      chat_deactivated: { webhookId, retired },
    } = await world.app.services.webhookRegistration.rotate();
    expect(retired).toEqual([old.id]);
    const [fresh, ...more] = ourWebhooks();
    expect(more).toEqual([]);
    expect(fresh!.id).toBe(webhookId);
    expect(fresh!.secret_key).not.toBe(old.secret_key);

    // The new registration's deliveries are accepted at once.
    const chatId = endChatOf(demoLicense.licenseId, olivia.email);
    await world.livechat.admin.waitForDeliveries();
    const delivery = world.livechat.admin.deliveries().find((d) => d.body.payload.chat_id === chatId);
    expect(delivery).toMatchObject({ webhookId, state: 'delivered' });
    expect(delivery!.attempts).toHaveLength(1);

    // A retry of a delivery the old registration sent before the switch is still accepted...
    const retry = {
      webhook_id: old.id,
      secret_key: old.secret_key,
      action: 'chat_deactivated',
      organization_id: demoLicense.organizationId,
      payload: { chat_id: 'OLDRETRY01', thread_id: 'T-OLD-1' },
    };
    expect((await postWebhook(retry)).status).toBe(200);
    // ...but not with the other registration's secret, nor after the grace period.
    expect((await postWebhook({ ...retry, secret_key: fresh!.secret_key })).status).toBe(401);
    await world.app.db.webhookRegistration.update({
      where: { webhookId: old.id },
      data: { retiredAt: new Date(Date.now() - RETIRED_GRACE_MS - 1000) },
    });
    world.app.services.webhookSecrets.invalidate();
    expect(
      (await postWebhook({ ...retry, payload: { chat_id: 'OLDRETRY02', thread_id: 'T2' } })).status,
    ).toBe(401);
  });

  it('acknowledges, and ignores, an ended chat of a license that installed the app but not our settings', async () => {
    const fresh = ourWebhooks()[0]!;
    const res = await postWebhook({
      webhook_id: fresh.id,
      secret_key: fresh.secret_key,
      action: 'chat_deactivated',
      organization_id: 'a-license-we-have-not-met',
      payload: { chat_id: 'NEVERMET01', thread_id: 'T1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, stored: false });
    expect(await world.app.db.webhookEvent.count({ where: { chatId: 'NEVERMET01' } })).toBe(0);
  });
});
