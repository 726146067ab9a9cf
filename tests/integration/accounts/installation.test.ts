import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient } from '../../../emulators/livechat';
import { livechatCode } from '../../support/oauth';
import { startWorld, type World } from '../../support/world';

const OWNER = 'olivia.owner@demo-shop.example';
let world: World;
let owner: string;

beforeAll(async () => {
  world = await startWorld({ seed: false });
  owner = world.tokenFor(OWNER);
});
afterAll(async () => {
  await world?.close();
});

async function installOnce() {
  const redirectUri = `${world.appUrl}/settings/`;
  const code = await livechatCode(world.livechatUrl, world.livechat.admin.sessionCookie(OWNER), {
    clientId: demoClient.clientId,
    redirectUri,
  });
  return world.api(owner, '/api/settings/installation', { body: { code, redirectUri } });
}

const ourWebhooks = () =>
  world.livechat.admin
    .webhooks()
    .filter((w) => w.url === `${world.appUrl}/webhooks/livechat` && w.action === 'chat_deactivated');

describe('installing the app for a license', () => {
  it('is not installed before the owner opens the settings', async () => {
    const res = await world.api(owner, '/api/settings/installation');
    expect(res.body).toEqual({
      installed: false,
      installedAt: null,
      installedBy: null,
      webhookRegistered: false,
    });
  });

  it('exchanges the code, stores the license tokens encrypted and registers the ended-chat webhook', async () => {
    const res = await installOnce();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ installed: true, installedBy: OWNER, webhookRegistered: true });
    expect(ourWebhooks()).toHaveLength(1);
    const row = await world.app.db.liveChatInstallation.findFirstOrThrow();
    expect(row.accessTokenEnc).toMatch(/^v1\./);
    expect(row.refreshTokenEnc).toMatch(/^v1\./);
    expect(row.webhookSecretEnc).toMatch(/^v1\./);
    expect(ourWebhooks()[0]!.secret_key).toBe(world.app.services.secretBox.decrypt(row.webhookSecretEnc!));
  });

  it('replaces the webhook when installed again, never duplicating it', async () => {
    const before = ourWebhooks()[0]!.id;
    const res = await installOnce();
    expect(res.status).toBe(200);
    expect(ourWebhooks()).toHaveLength(1);
    expect(ourWebhooks()[0]!.id).not.toBe(before);
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
