import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { frameAt, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { demoLicense, demoVisitors, nora } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

/** The widget's screens, each a top-level test id; the watcher notes each change of screen in the frame. */
const screens = [
  'widget-loading',
  'widget-signed-out',
  'widget-session-error',
  'agent-app-connecting',
  'agent-app-failed',
  'no-chat',
  'related-loading',
  'related-error',
  'related-ready',
];
const watchScreens = `(() => {
  if (!location.pathname.startsWith('/widget/')) return;
  const seen = (window.__screens = []);
  // What the page's CSP refused (zod's probe for eval, before it ran jitless, was one on every load).
  const refused = (window.__cspRefused = []);
  document.addEventListener('securitypolicyviolation', (e) => refused.push(e.violatedDirective));
  const ids = ${JSON.stringify(screens)};
  new MutationObserver(() => {
    const shown = ids.find((id) => document.querySelector('[data-testid="' + id + '"]'));
    if (shown && seen[seen.length - 1] !== shown) seen.push(shown);
  }).observe(document, { childList: true, subtree: true });
})()`;

describe.skipIf(!chromiumPath)('the widget’s start in the Agent App (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });

  const chatOf = (name: string) => {
    const chat = world.livechat.admin.chats(demoLicense.licenseId).find((c) => c.customer.name === name);
    if (!chat) throw new Error(`no chat of ${name}`);
    return chat.id;
  };

  /** What one opening of the widget did: handshakes the Agent App sent it, screens it showed, related requests. */
  async function recordsShown(page: Page, open: () => Promise<unknown>) {
    const related: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/widget/related')) related.push(r.url());
    };
    page.on('request', onRequest);
    await open();
    const widget = await frameAt(page, `${world.appUrl}/widget/`);
    const contacts = widget.locator('[data-testid="related-object"][data-object="Contact"]');
    await contacts.getByRole('link', { name: /John Smith/ }).waitFor({ timeout: 20_000 });
    page.off('request', onRequest);
    const handshakes = await page.evaluate(
      () =>
        (
          window as unknown as {
            __agentApp: { frames: Array<{ widget: string; dir: string; frame: { type: string } }> };
          }
        ).__agentApp.frames.filter(
          (f) => f.widget === 'details' && f.dir === 'out' && f.frame.type === 'handshake',
        ).length,
    );
    const { shown, cspRefused } = await widget.evaluate(() => {
      const w = window as unknown as { __screens: string[]; __cspRefused: string[] };
      return { shown: w.__screens, cspRefused: w.__cspRefused };
    });
    return { handshakes, shown, related, cspRefused };
  }

  it('connects on the Agent App’s first handshake and goes from signing in straight to the records', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: watchScreens });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Nothing logs an error: not the widget, not the Agent App page (a missing icon was a 404 once).
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
    });
    const chatId = chatOf(demoVisitors.existingContact.name);

    // A first open (nothing cached), then the agent reloads LiveChat.
    const first = await recordsShown(page, () =>
      page.goto(
        `${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}&chat=${chatId}&view=archives`,
      ),
    );
    await page.screenshot({ path: path.join(screenshotDir, 'widget-startup-records.png') });
    const reloaded = await recordsShown(page, () => page.reload());

    for (const opened of [first, reloaded]) {
      // Listening before the frame's load event: the Agent App's first handshake is answered, none repeated.
      expect(opened.handshakes).toBe(1);
      // Nothing the page does is refused by its CSP.
      expect(opened.cspRefused).toEqual([]);
      // The records are asked for once (the screen takes the request begun during the sign-in).
      expect(opened.related).toHaveLength(1);
      // Each screen once, in the order of the start, and never "no chat" on the way.
      expect(new Set(opened.shown).size).toBe(opened.shown.length);
      expect(opened.shown.at(-1)).toBe('related-ready');
      expect(
        opened.shown.filter(
          (s) => !['widget-loading', 'agent-app-connecting', 'related-loading', 'related-ready'].includes(s),
        ),
      ).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
