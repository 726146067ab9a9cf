import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveChatEmulator, demoClient, type LiveChatEmulator } from '../../emulators/livechat';
import { builtFrontends } from '../../server/http/frontends';
import { buildConfig } from '../support/config';
import { chromiumOrExplain, launchChromium, screenshotDir } from '../support/browser';
import { ensureBuilt } from '../support/builtFrontends';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/testApp';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('the built frontends in Chromium', () => {
  let database: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let livechat: LiveChatEmulator;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Silent sign-in asks a LiveChat accounts service: ours, which answers at once that nobody is
    // signed in (the real one is out of reach here, and its silence cost seconds a test).
    livechat = createLiveChatEmulator();
    const accountsUrl = await livechat.listen(0);
    const base = buildConfig();
    app = await startTestApp(database, {
      frontends: builtFrontends(ensureBuilt()),
      config: {
        ...base,
        livechat: { ...base.livechat, clientId: demoClient.clientId, accountsUrl, apiUrl: accountsUrl },
      },
    });
    browser = await launchChromium(chromiumPath!);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await livechat?.close();
    await database?.close();
  });

  it('explains where the widget belongs when opened outside LiveChat', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/widget/`);
    // Outside LiveChat's Agent App there is no chat to show: the widget says where it belongs.
    await page.getByTestId('outside-livechat').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Open this inside LiveChat').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'foundation-widget.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the settings app’s sign-in screen when opened outside LiveChat', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/settings/`);
    await page.getByTestId('settings-signed-out').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Salesforce for LiveChat').first().isVisible()).toBe(true);
    expect(await page.getByTestId('signin-button').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'foundation-settings.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
