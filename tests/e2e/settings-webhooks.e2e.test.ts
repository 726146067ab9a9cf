import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoClient } from '../../emulators/livechat';
import { chromiumOrExplain } from '../support/browser';
import { openSettingsAs, screenshot, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { demoLicense, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('Settings when LiveChat does not send the license’s chats (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });

  it('tells the owner that automation gets no chats, and switches the webhooks back on', async () => {
    world.livechat.admin.setLicenseWebhooksEnabled(demoLicense.licenseId, demoClient.clientId, false);
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const warning = settings.getByTestId('installation-webhooks-off');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.textContent()).toContain('no records are created automatically');
    await screenshot(page, 'settings-webhooks-off.png');

    const popup = page.waitForEvent('popup');
    await warning.getByRole('button', { name: 'Switch on' }).click();
    await popup;
    // The warning goes as soon as the installation the click begins is under way: what counts is the
    // state LiveChat is left in, and the settings shown without the warning once it has finished.
    const webhooksEnabled = async () => {
      const state = await fetch(`${world.livechatUrl}/v3.5/configuration/action/get_license_webhooks_state`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${world.tokenFor(olivia.email)}`,
        },
        body: '{}',
      });
      return ((await state.json()) as { license_webhooks_enabled: boolean }).license_webhooks_enabled;
    };
    await expect.poll(webhooksEnabled, { timeout: 20_000 }).toBe(true);
    await settings.getByTestId('settings-ready').waitFor({ timeout: 20_000 });
    await warning.waitFor({ state: 'detached', timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
