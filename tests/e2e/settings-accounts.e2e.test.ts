import { mkdirSync } from 'node:fs';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgSeed, splitName } from '../../emulators/salesforce';
import { endpoints } from '../../src/api/endpoints';
import { chromiumOrExplain, launchChromium, screenshotDir } from '../support/browser';
import { ensureBuilt } from '../support/builtFrontends';
import { answerSalesforceLogin, openSettingsAs, pickOption, screenshot } from '../support/e2e';
import { startWorld, type World } from '../support/world';
import { nate, nora, olivia, victor } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

/** A sandbox of the demo company, where Olivia has a user of her own. */
const sandboxOrg = buildOrgSeed({
  name: 'Demo Shop (UAT)',
  myDomain: 'demo-shop--uat',
  pod: '9c',
  isSandbox: true,
  users: [{ Username: `${olivia.email}.uat`, Email: olivia.email, ...splitName(olivia.name) }],
});

const tileOf = (settings: FrameLocator, label: string) =>
  settings.locator(`[data-testid="account-tile"][aria-label="${label}"]`);

/**
 * Issue 5 in a real browser: the owner installs the app, connects Salesforce orgs through the emulator's
 * login page in a popup, chooses who may use them; a normal agent is turned away.
 */
describe.skipIf(!chromiumPath)('Settings → Salesforce accounts in the Agent App (Chromium)', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    world = await startWorld({ seed: false, worker: false });
    world.salesforce.admin.addOrg(sandboxOrg);
    browser = await launchChromium(chromiumPath!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** Add account → name and environment → Connect: resolves with the Salesforce login popup. */
  async function startAddingAccount(page: Page, settings: FrameLocator, label: string, environment: string) {
    await settings.getByTestId('add-account-button').first().click();
    const modal = settings.getByTestId('add-account-modal');
    await modal.waitFor();
    await settings.getByTestId('add-account-name').fill(label);
    await settings.getByTestId(`add-account-environment-${environment}`).check();
    const popupOpened = page.waitForEvent('popup');
    await settings.getByTestId('add-account-connect').click();
    const popup = await popupOpened;
    await popup.locator('select#username').waitFor();
    return popup;
  }

  it('installs itself the first time the owner opens it, then offers to connect a first org', async () => {
    // Hold the installation request until its screen has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email, {
      beforeOpen: (page) =>
        page.route('**/api/settings/installation', async (route) => {
          if (route.request().method() === 'POST') await held;
          await route.continue();
        }),
    });

    await settings.getByTestId('installation-running').waitFor({ timeout: 30_000 });
    expect(await settings.getByText('Finishing installation…').isVisible()).toBe(true);
    await screenshot(page, 'settings-accounts-installing.png');
    release();

    await settings.getByTestId('accounts-empty').waitFor({ timeout: 20_000 });
    expect(await settings.getByText('Connect your first Salesforce org').isVisible()).toBe(true);
    expect(await settings.getByTestId('signed-in-as').textContent()).toBe(`Signed in as ${olivia.name}`);
    await screenshot(page, 'settings-accounts-empty.png');

    const installation = await world.call(world.tokenFor(olivia.email), endpoints.getInstallation);
    expect(installation).toMatchObject({ installed: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('connects an org through Salesforce’s login page in a popup and shows it as Connected', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await settings.getByTestId('accounts-empty').waitFor({ timeout: 20_000 });

    const popup = await startAddingAccount(page, settings, 'Production', 'production');
    expect(popup.url().startsWith(`${world.salesforceUrl}/services/oauth2/authorize`)).toBe(true);
    await settings.getByTestId('connect-waiting').waitFor();
    await screenshot(popup, 'settings-accounts-salesforce-login.png');
    await screenshot(page, 'settings-accounts-connect-waiting.png');
    await answerSalesforceLogin(popup, olivia.email, 'Allow');

    const tile = tileOf(settings, 'Production');
    await tile.locator('[data-status="connected"]').first().waitFor();
    expect(await settings.getByTestId('connect-success').textContent()).toContain(
      'Connected “Production” to Demo Shop.',
    );
    expect(await tile.getByTestId('account-status').textContent()).toBe('Connected');
    expect(await tile.getByTestId('account-org').textContent()).toContain('Demo Shop');
    expect(await tile.getByTestId('account-environment').textContent()).toContain('Production');
    expect(await tile.getByTestId('account-connected-by').textContent()).toContain(olivia.name);
    expect(await tile.getByTestId('account-access-summary').textContent()).toContain(
      'Everyone in the license',
    );
    expect(await settings.getByTestId('add-account-modal').count()).toBe(0);
    await screenshot(page, 'settings-accounts-connected.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves no “Not connected” tile behind when the owner closes the Salesforce popup unanswered', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await settings.getByTestId('account-list').waitFor({ timeout: 20_000 });
    const before = (await world.call(world.tokenFor(olivia.email), endpoints.listAccounts)).accounts;

    const popup = await startAddingAccount(page, settings, 'Abandoned', 'production');
    await settings.getByTestId('connect-waiting').waitFor();
    await tileOf(settings, 'Abandoned').waitFor();
    await popup.close();

    await tileOf(settings, 'Abandoned').waitFor({ state: 'detached' });
    expect(await settings.getByTestId('connect-waiting').count()).toBe(0);
    await expect
      .poll(async () => (await world.call(world.tokenFor(olivia.email), endpoints.listAccounts)).accounts)
      .toEqual(before);
    await screenshot(page, 'settings-accounts-popup-abandoned.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in plain words that the connection was not allowed when the owner denies it in Salesforce', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await settings.getByTestId('account-list').waitFor({ timeout: 20_000 });

    const popup = await startAddingAccount(page, settings, 'Sandbox', 'sandbox');
    await answerSalesforceLogin(popup, `${olivia.email}.uat`, 'Deny');

    const error = settings.getByTestId('connect-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Could not connect “Sandbox”: The connection was not allowed in Salesforce. Connect again and choose Allow.',
    );
    const tile = tileOf(settings, 'Sandbox');
    expect(await tile.getAttribute('data-status')).toBe('pending');
    expect(await tile.getByTestId('account-status').textContent()).toBe('Not connected');
    await screenshot(page, 'settings-accounts-denied.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('connects the denied account to a sandbox org when the owner tries again and allows it', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const tile = tileOf(settings, 'Sandbox');
    await tile.waitFor({ timeout: 20_000 });

    const popupOpened = page.waitForEvent('popup');
    await tile.getByTestId('account-reconnect-button').click();
    const popup = await popupOpened;
    await answerSalesforceLogin(popup, `${olivia.email}.uat`, 'Allow');

    await tile.locator('[data-testid="account-status"][data-status="connected"]').waitFor();
    expect(await tile.getByTestId('account-org').textContent()).toContain('Demo Shop (UAT)');
    expect(await tile.getByTestId('account-environment').textContent()).toContain('Sandbox');
    expect(await settings.getByTestId('account-tile').count()).toBe(2);
    await screenshot(page, 'settings-accounts-two-orgs.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets only the chosen agent use an account once the owner picks them', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const tile = tileOf(settings, 'Production');
    await tile.waitFor({ timeout: 20_000 });

    await tile.getByTestId('account-access-button').click();
    await settings.getByTestId('access-mode-agents').waitFor();
    await settings.getByTestId('access-mode-agents').check();
    await pickOption(settings, 'access-agents-picker', nate.name, 'Nate');
    await page.keyboard.press('Escape'); // closes the list, not the modal
    const modal = settings.getByTestId('access-modal');
    expect(await modal.getByText(nate.name).isVisible()).toBe(true);
    expect(await settings.getByTestId('access-owners-note').textContent()).toBe(
      'Owners and vice-owners always have access.',
    );
    await screenshot(page, 'settings-accounts-access.png');
    await settings.getByTestId('access-save').click();

    await modal.waitFor({ state: 'detached' });
    // The tile names who may use it.
    await tile.getByTestId('account-access-summary').getByText(nate.name, { exact: true }).waitFor();
    expect(await settings.getByTestId('accounts-notice').textContent()).toContain(
      'Saved who may use “Production”.',
    );
    await screenshot(page, 'settings-accounts-access-saved.png');

    const production = await tile.getAttribute('data-account-id');
    const usable = async (email: string) => {
      const { accounts } = await world.call(world.tokenFor(email), endpoints.listUsableAccounts);
      return accounts.map((a) => a.id);
    };
    expect(await usable(nate.email)).toContain(production);
    expect(await usable(nora.email)).not.toContain(production);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a normal agent who switches in the page naming who can configure the app', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await settings.getByTestId('settings-ready').waitFor({ timeout: 20_000 });

    await page.locator('#sign-in-as').selectOption(nora.email);
    const notOwner = settings.getByTestId('not-owner');
    await notOwner.waitFor({ timeout: 20_000 });
    expect(await settings.getByTestId('not-owner-ask').textContent()).toBe(
      `Ask ${olivia.name} or ${victor.name} to connect Salesforce accounts or to give you access to one.`,
    );
    expect(await settings.getByTestId('account-list').count()).toBe(0);
    await screenshot(page, 'settings-accounts-not-owner.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renames an account, and removes it only after the owner confirms', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const sandbox = tileOf(settings, 'Sandbox');
    await sandbox.waitFor({ timeout: 20_000 });
    const id = await sandbox.getAttribute('data-account-id');

    await sandbox.getByTestId('account-rename-button').click();
    await settings.getByTestId('rename-account-label').fill('EU sandbox');
    await settings.getByTestId('rename-account-save').click();
    const renamed = tileOf(settings, 'EU sandbox');
    await renamed.waitFor();
    expect(await renamed.getAttribute('data-account-id')).toBe(id);

    await renamed.getByTestId('account-remove-button').click();
    const confirm = settings.getByTestId('remove-account-modal');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Agents will no longer see records from Demo Shop (UAT)');
    await screenshot(page, 'settings-accounts-remove-confirm.png');
    await settings.getByTestId('remove-account-confirm').click();

    await confirm.waitFor({ state: 'detached' });
    await renamed.waitFor({ state: 'detached' });
    expect(await settings.getByTestId('accounts-notice').textContent()).toContain('Removed “EU sandbox”.');
    expect(await settings.getByTestId('account-tile').count()).toBe(1);
    const listed = await world.call(world.tokenFor(olivia.email), endpoints.listAccounts);
    expect(listed.accounts.map((a) => a.id)).not.toContain(id);
    await screenshot(page, 'settings-accounts-removed.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
