import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { launchChromium, screenshotDir } from './browser';
import { ensureBuilt } from './builtFrontends';
import { startWorld, type World } from './world';

/**
 * The hooks of an end-to-end file, inside its `describe`: the built frontends, a world (seeded, no
 * worker, unless `world` says otherwise) and a Chromium (third-party cookies as given), handed to
 * `use` once started and closed after the file.
 */
export function withBrowserWorld(
  chromiumPath: string | undefined,
  use: (world: World, browser: Browser) => void,
  options: {
    world?: Parameters<typeof startWorld>[0];
    thirdPartyCookies?: 'allowed' | 'blocked';
  } = {},
): void {
  let world: World | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    world = await startWorld({ seed: true, worker: false, ...options.world });
    browser = await launchChromium(chromiumPath!, {
      ...(options.thirdPartyCookies && { thirdPartyCookies: options.thirdPartyCookies }),
    });
    use(world, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
}

/** The page's frame whose address starts with `prefix`, once it has appeared (10 s at most). */
export async function frameAt(page: Page, prefix: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame at ${prefix}`);
}

export interface SettingsPage {
  page: Page;
  /** The settings app inside the Agent App's Apps view. */
  settings: FrameLocator;
  /** Uncaught errors of the page and its frames. */
  errors: string[];
}

/** The Agent App signed in as `email`, on Apps, where the settings app runs in an iframe. */
export async function openSettingsAs(
  browser: Browser,
  world: World,
  email: string,
  options: { beforeOpen?: (page: Page) => Promise<unknown> } = {},
): Promise<SettingsPage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A step that cannot happen fails in seconds, naming the locator, rather than at the test's timeout.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) consoleLines.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  // A failed test leaves a screenshot of where it stood, what the page said and the app's errors.
  onTestFailed(async ({ task }) => {
    const serverErrors = world.logs.filter((line) => /"level":(50|60)/.test(line));
    process.stderr.write(
      `Console of the failed page:\n${consoleLines.join('\n')}\nApp errors:\n${serverErrors.join('')}\n`,
    );
    if (!page.isClosed()) await screenshot(page, `FAILED-${task.name.replace(/\W+/g, '-').slice(0, 60)}.png`);
  });
  await options.beforeOpen?.(page);
  await page.goto(`${world.agentAppUrl}?as=${encodeURIComponent(email)}&view=apps`);
  return { page, settings: page.frameLocator('iframe[src*="/settings/"]'), errors };
}

/**
 * Chooses an option of a design-system Picker: opens it by its trigger (`testId`), types `search` into its
 * search box when given, and clicks the option whose main label is `option`.
 */
export async function pickOption(
  frame: FrameLocator,
  testId: string,
  option: string,
  search?: string,
): Promise<void> {
  const trigger = frame.getByTestId(testId);
  await trigger.click();
  if (search !== undefined) await trigger.locator('input').fill(search);
  const list = frame.getByTestId('picker-list');
  await list
    .getByRole('option')
    .filter({ has: frame.getByText(option, { exact: true }) })
    .first()
    .click();
}

/** The Salesforce emulator's login page in the popup: log in as `username`, then Allow or Deny. */
export async function answerSalesforceLogin(
  popup: Page,
  username: string,
  action: 'Allow' | 'Deny',
): Promise<void> {
  const select = popup.locator('select#username');
  await select.waitFor();
  await select.selectOption(username);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: action, exact: true }).click();
  // Our callback page posts Salesforce's answer to the settings app and closes itself.
  await closed;
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name) });
