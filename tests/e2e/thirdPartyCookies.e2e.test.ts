import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { frameAt, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { demoLicense, demoVisitors, nora, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

/**
 * The Agent App page, the app and the accounts service on three sites, as my.livechatinc.com, the
 * app's host and accounts.livechat.com are, in a browser that blocks third-party cookies (Safari
 * always; Chrome when asked). accounts-sdk's hidden iframe cannot see the LiveChat session there, so
 * the app asks for one click, and the popup (first-party) signs in.
 */
describe.skipIf(!chromiumPath)('signing in with third-party cookies blocked (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(
    chromiumPath,
    (w, b) => {
      world = w;
      browser = b;
    },
    { thirdPartyCookies: 'blocked' },
  );

  const chatOf = (name: string) => {
    const chat = world.livechat.admin.chats(demoLicense.licenseId).find((c) => c.customer.name === name);
    if (!chat) throw new Error(`no chat of ${name}`);
    return chat.id;
  };

  it('runs on three sites, with the accounts session cookie cross-site as LiveChat’s is', async () => {
    const sites = [world.livechatUrl, world.appUrl, world.livechat.accountsUrl].map(
      (u) => new URL(u).hostname,
    );
    expect(new Set(sites).size).toBeGreaterThan(1);
    expect(new URL(world.livechat.accountsUrl).hostname).not.toBe(new URL(world.livechatUrl).hostname);
    expect(new URL(world.livechat.accountsUrl).hostname).not.toBe(new URL(world.appUrl).hostname);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}`);
    const [session] = (await context.cookies(world.livechat.accountsUrl)).filter(
      (c) => c.name === 'lc_accounts_session',
    );
    expect(session).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
    await context.close();
  });

  it('the widget asks for one click, and after the popup shows the visitor’s records', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}&chat=${chatOf(demoVisitors.existingContact.name)}&view=archives`,
    );
    const widget = await frameAt(page, `${world.appUrl}/widget/`);
    const button = widget.getByTestId('signin-button');
    await button.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshotDir, 'widget-third-party-cookies-blocked.png') });

    const popup = page.waitForEvent('popup');
    await button.click();
    // The popup is the accounts service as a first-party page: it sees the session and answers at once.
    expect(new URL((await popup).url()).origin).toBe(world.livechat.accountsUrl);
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    const contacts = widget.locator('[data-testid="related-object"][data-object="Contact"]');
    await contacts.getByRole('link', { name: /John Smith/ }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'widget-after-popup-sign-in.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the settings app signs the owner in with the popup too', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${world.livechatUrl}/agent-app?as=${encodeURIComponent(olivia.email)}&view=apps`);
    const settings = await frameAt(page, `${world.appUrl}/settings/`);
    const button = settings.getByTestId('signin-button');
    await button.waitFor({ timeout: 30_000 });
    await button.click();
    await settings.getByText('Demo Shop').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(screenshotDir, 'settings-after-popup-sign-in.png') });
    await context.close();
  });
});
