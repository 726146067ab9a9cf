import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveChatEmulator, demoClient, type LiveChatEmulator } from '../../emulators/livechat';
import { chromiumOrExplain, launchChromium, screenshotDir } from '../support/browser';
import { startTestWidgetApp, type TestWidgetApp } from '../support/testWidgetApp';
import { ada, demoLicense, nora, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

let emulator: LiveChatEmulator;
let lcUrl = '';
let widgetApp: TestWidgetApp;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumPath) return;
  widgetApp = await startTestWidgetApp(() => lcUrl, demoClient.clientId);
  emulator = createLiveChatEmulator({
    agentApp: { appUrl: widgetApp.url, pluginId: 'test-plugin' },
    webhooks: { retryDelaysMs: [20, 20, 20] },
  });
  lcUrl = await emulator.listen(0);
  browser = await launchChromium(chromiumPath);
});
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await widgetApp?.close();
});

async function widgetFrame(page: Page, path = '/widget/'): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${widgetApp.url}${path}`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${path} frame`);
}

const textOf = (frame: Frame, selector: string) => frame.locator(selector).textContent();
const waitForText = (frame: Frame | Page, selector: string, text: string) =>
  frame.waitForFunction(
    ([s, t]) => document.querySelector(s as string)?.textContent === t,
    [selector, text],
    { timeout: 10_000 },
  );

const customerByName = (name: string) => {
  const chat = emulator.admin.chats(demoLicense.licenseId).find((c) => c.customer.name === name);
  if (!chat) throw new Error(`no chat of ${name}`);
  return chat;
};

describe.skipIf(!chromiumPath)('Agent App host page (Chromium)', () => {
  it('drives the real agent-app-sdk widget: customer_profile follows the chosen chat', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const john = customerByName('John Smith');
    await page.goto(
      `${lcUrl}/signin-as?email=${olivia.email}&return=${encodeURIComponent(`/agent-app?chat=${john.id}`)}`,
    );
    expect(await page.locator('#demo-badge').textContent()).toBe('Demo');

    const widget = await widgetFrame(page);
    expect(new URL(widget.url()).searchParams.get('plugin_id')).toBe('test-plugin');
    expect(new URL(widget.url()).searchParams.get('theme')).toBe('light');
    await waitForText(widget, '#name', 'John Smith');
    expect(await textOf(widget, '#email')).toBe('john.smith@acme.example');
    expect(await textOf(widget, '#source')).toBe('chats');
    expect(await textOf(widget, '#chat')).toBe(john.id);

    // accounts-sdk's hidden iframe flow signs the widget in silently as the host page's agent.
    await waitForText(widget, '#auth', `ok:${olivia.accountId}:${demoLicense.organizationId}:token`);

    // The section the widget sent is recorded and rendered natively.
    await page.waitForFunction(() =>
      document.querySelector('#native-sections')?.textContent?.includes('Test widget ready'),
    );
    const calls = await page.evaluate(
      () => (window as unknown as { __agentApp: { calls: Array<{ message: string }> } }).__agentApp.calls,
    );
    expect(calls.map((c) => c.message)).toEqual(
      expect.arrayContaining(['plugin_inited', 'customer_details_section']),
    );

    // Switching to another active chat.
    await page.locator('#chat-list li', { hasText: 'Emma Johnson' }).click();
    await waitForText(widget, '#name', 'Emma Johnson');
    expect(await textOf(widget, '#email')).toBe('emma.johnson@example.com');

    // Archives: the widget works there too.
    await page.locator('.rail button[data-view="archives"]').click();
    await page.locator('#chat-list li', { hasText: 'Zoë Müller' }).click();
    await waitForText(widget, '#name', 'Zoë Müller');
    expect(await textOf(widget, '#source')).toBe('archives');
    await page.locator('#chat-list li', { hasText: 'Visitor 4821' }).click();
    await waitForText(widget, '#name', 'Visitor 4821');
    expect(await textOf(widget, '#email')).toBe('(no email)');

    await page.locator('.rail button[data-view="chats"]').click();
    await page.locator('#chat-list li', { hasText: 'John Smith' }).click();
    await waitForText(widget, '#name', 'John Smith');
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}livechat-agent-app.png` });
    await context.close();
  });

  it('"sign in as" switches the agent and reloads the widget, which signs in as that agent', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${lcUrl}/agent-app?as=${olivia.email}`);
    let widget = await widgetFrame(page);
    await waitForText(widget, '#auth', `ok:${olivia.accountId}:${demoLicense.organizationId}:token`);
    const reloaded = page.waitForEvent('framenavigated', {
      predicate: (f) => f.url().startsWith(`${widgetApp.url}/widget/`),
    });
    await page.selectOption('#sign-in-as', nora.email);
    await page.waitForFunction(() =>
      document.querySelector('#me-avatar')?.getAttribute('title')?.startsWith('Nora Agent'),
    );
    widget = await reloaded;
    await waitForText(widget, '#auth', `ok:${nora.accountId}:${demoLicense.organizationId}:token`);
    await context.close();
  });

  it('"End chat" archives the active chat and fires chat_deactivated', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const hook = emulator.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Ending Soon', email: 'ending@example.com' },
    });
    const token = emulator.admin.issueAgentToken(olivia.email, {
      clientId: demoClient.clientId,
    });
    await fetch(`${lcUrl}/v3.5/configuration/action/register_webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        url: `${widgetApp.url}/hook`,
        action: 'chat_deactivated',
        secret_key: 's',
        owner_client_id: demoClient.clientId,
        type: 'license',
      }),
    });
    await page.goto(`${lcUrl}/agent-app?as=${olivia.email}&chat=${hook.chatId}`);
    const widget = await widgetFrame(page);
    await waitForText(widget, '#name', 'Ending Soon');
    await page.locator('#end-chat').click();
    await page.waitForFunction(
      () => !document.querySelector('#chat-list')?.textContent?.includes('Ending Soon'),
    );
    await emulator.admin.waitForDeliveries();
    const delivery = emulator.admin.deliveries().find((d) => d.body.payload.chat_id === hook.chatId);
    expect(delivery?.body).toMatchObject({
      action: 'chat_deactivated',
      payload: { thread_id: hook.threadId, user_id: olivia.email },
    });
    expect(emulator.admin.chats(demoLicense.licenseId, { active: false }).map((c) => c.id)).toContain(
      hook.chatId,
    );
    await context.close();
  });

  it('the Apps entry opens the settings app, driven by the same protocol', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${lcUrl}/agent-app?as=${olivia.email}`);
    await page.locator('.rail button[data-view="apps"]').click();
    const settings = await widgetFrame(page, '/settings/');
    await waitForText(settings, '#settings-status', 'Settings ready');
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}livechat-agent-app-settings.png` });
    await context.close();
  });

  it('sends customer_profile and page_data in the shapes the Agent App SDK docs give', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const john = customerByName('John Smith');
    await page.goto(`${lcUrl}/agent-app?as=${olivia.email}&chat=${john.id}`);
    const widget = await widgetFrame(page);
    await waitForText(widget, '#name', 'John Smith');
    const profile = await page.evaluate(() => {
      const sent = (window as unknown as { __agentApp: { profilesSent: Record<string, unknown>[] } })
        .__agentApp.profilesSent;
      return sent[sent.length - 1];
    });
    // Details widgets › customer_profile: chat has exactly chat_id, groupID and id (the thread).
    expect(profile).toMatchObject({ id: john.customer.id, name: 'John Smith', source: 'chats' });
    expect(Object.keys(profile?.chat as object).sort()).toEqual(['chat_id', 'groupID', 'id']);
    expect(profile?.chat).toMatchObject({ chat_id: john.id, id: john.threads.at(-1)?.id });
    expect(profile?.geolocation).toHaveProperty('country_code');

    // Settings widgets › page_data: the main window's query parameters.
    await page.goto(`${lcUrl}/agent-app?view=apps&utm_source=e2e`);
    const settings = await widgetFrame(page, '/settings/');
    await waitForText(settings, '#settings-status', 'Settings ready');
    const pageData = await page.evaluate(() =>
      (
        window as unknown as {
          __agentApp: {
            frames: Array<{ widget: string; dir: string; frame: { data?: { args?: unknown[] } } }>;
          };
        }
      ).__agentApp.frames
        .filter((f) => f.widget === 'settings' && f.dir === 'out')
        .map((f) => f.frame.data?.args?.[0] as { event_name?: string; event_data?: unknown } | undefined)
        .find((m) => m?.event_name === 'livechat:page_data'),
    );
    expect(pageData?.event_data).toEqual({ queryParams: { view: 'apps', utm_source: 'e2e' } });
    await context.close();
  });

  it('accounts-sdk: a signed-out iframe gets identity_exception; the popup signs in through the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${widgetApp.url}/widget/`);
    await waitForText(page, '#auth', 'error:unauthorized');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#popup').click()]);
    await popup.locator(`button[data-email="${ada.email}"]`).click();
    await waitForText(page, '#auth', `ok:${ada.accountId}:${demoLicense.organizationId}:token`);
    await context.close();
  });
});
