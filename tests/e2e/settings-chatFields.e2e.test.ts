import path from 'node:path';
import type { Browser, FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { openSettingsAs, pickOption, screenshot, withBrowserWorld } from '../support/e2e';
import { demoLicense, olivia } from '../support/factories/people';
import { watchListArchives, type ListArchivesWatch } from '../support/listArchivesWatch';
import type { World } from '../support/world';

const chromiumPath = chromiumOrExplain();

/** Settings → Chat fields, once the catalogue has answered (the first look scans the archive). */
async function openChatFields(settings: FrameLocator) {
  await settings.getByTestId('tab-chat-fields').click({ timeout: 20_000 });
  await settings.getByTestId('chat-fields-tab').waitFor();
  await settings.getByTestId('chat-fields-loading').waitFor({ state: 'detached' });
}

const row = (settings: FrameLocator, id: string) =>
  settings.locator(`[data-testid="chat-field-row"][data-field="${id}"]`);

/**
 * Issue 16 in a real browser: an owner opens Chat fields on their first day, sees what the demo's chats
 * carry (scanned by itself), declares a pre-chat question no chat has had yet, and maps it at once.
 */
describe.skipIf(!chromiumPath)('Settings → Chat fields in the Agent App (Chromium)', () => {
  let world: World;
  let browser: Browser;
  let archives: ListArchivesWatch;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
    archives = watchListArchives(w);
  });

  it('says why nothing was found, and what to do, when the archive is empty; Scan again finds them', async () => {
    // A license whose archive is still empty: the demo's chats, set aside for this test.
    const chats = world.livechat.admin.chats(demoLicense.licenseId);
    const setAside = chats.splice(0, chats.length);
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    try {
      await openChatFields(settings);
      const emptyState = settings.getByTestId('chat-fields-empty');
      await emptyState.waitFor();
      const text = await emptyState.textContent();
      expect(text).toContain('No custom variables or form fields found');
      expect(text).toContain('There are no archived chats yet.');
      expect(text).toContain('Add a question to your pre-chat or post-chat form');
      expect(text).toContain('To map one before that, declare it.');
      expect(await settings.getByTestId('chat-fields-scan').textContent()).toMatch(
        /^Last scanned just now: there were no archived chats yet\./,
      );
      await screenshot(page, 'settings-chat-fields-empty.png');
    } finally {
      chats.push(...setAside);
    }

    await settings.getByTestId('chat-fields-empty').getByRole('button', { name: 'Scan again' }).click();
    await settings.getByTestId('chat-fields-list').waitFor();
    await row(settings, 'customVariable:plan').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the demo’s custom variables and form fields with samples, counts and when last seen', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await openChatFields(settings);
    await settings.getByTestId('chat-fields-list').waitFor();

    const plan = row(settings, 'customVariable:plan');
    const planText = await plan.innerText();
    expect(planText).toMatch(/“(pro|trial|basic|free)”/);
    expect(planText).toMatch(/\d+ of \d+ chats/);
    expect(planText).toMatch(/ago|yesterday|just now/);
    for (const id of ['customVariable:customer_id', 'prechat:Topic', 'prechat:Interested in']) {
      await row(settings, id).waitFor();
    }
    expect(await row(settings, 'prechat:Interested in').innerText()).toContain('List');
    await row(settings, 'postchat:Comment').waitFor();
    expect(await settings.getByTestId('chat-fields-scan').textContent()).toMatch(
      /^Last scanned .+: the \d+ latest archived chats\. Scanned again by itself once a day\.$/,
    );
    await page.screenshot({ path: path.join(screenshotDir, 'settings-chat-fields.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the last known fields with a note, not an error, when LiveChat is down at a due scan', async () => {
    await world.app.db.license.update({
      where: { id: demoLicense.organizationId },
      data: { chatFieldsScannedAt: new Date(Date.now() - 30 * 3600_000) },
    });
    archives.outage = 503;
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    try {
      await openChatFields(settings);
      const failure = settings.getByTestId('chat-fields-failure');
      await failure.waitFor();
      expect(await failure.textContent()).toContain('LiveChat could not be reached just now');
      await row(settings, 'customVariable:plan').waitFor();
      expect(await settings.getByTestId('chat-fields-scan').textContent()).toMatch(/^Last scanned yesterday/);
      await screenshot(page, 'settings-chat-fields-outage.png');
    } finally {
      archives.outage = null;
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('declares a pre-chat question no chat has had, then finds it in a mapping’s Dynamic picker', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await openChatFields(settings);

    await settings.getByTestId('chat-fields-declare').click();
    const modal = settings.getByTestId('declare-chat-field-modal');
    await modal.waitFor();
    expect(await settings.getByTestId('declare-kind-prechat').isChecked()).toBe(true);
    await settings.getByTestId('declare-chat-field-name').fill(' Preferred product');
    await settings.getByTestId('declare-chat-field-save').click();
    // Said at the field, before anything is sent.
    await modal.getByText('Remove the spaces at the start or the end').waitFor();
    await screenshot(page, 'settings-chat-fields-declare-problem.png');
    await settings.getByTestId('declare-chat-field-name').fill('Preferred product');
    await modal.getByText('Exactly as the form shows it, e.g. Company.').waitFor();
    await screenshot(page, 'settings-chat-fields-declare.png');
    await settings.getByTestId('declare-chat-field-save').click();
    await modal.waitFor({ state: 'detached' });

    expect(await settings.getByTestId('chat-fields-notice').textContent()).toContain(
      'Declared “Preferred product”. Mappings can use it now.',
    );
    const declared = row(settings, 'prechat:Preferred product');
    await declared.waitFor();
    expect(await declared.getByTestId('chat-field-declared').textContent()).toBe('Declared · not seen yet');
    expect(await declared.innerText()).toContain('no chat yet');
    await declared.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-chat-fields-declared.png');

    // The same name again is refused at the name, in the owner's words.
    await settings.getByTestId('chat-fields-declare').click();
    await settings.getByTestId('declare-chat-field-name').fill('Preferred product');
    await settings.getByTestId('declare-chat-field-save').click();
    await modal.getByText('The pre-chat form field "Preferred product" is declared already.').waitFor();
    await modal.getByRole('button', { name: 'Cancel' }).click();

    // Accounts → Demo Shop → Map objects → Case → Subject, Dynamic: the declared question is offered.
    await settings.getByTestId('tab-accounts').click();
    const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
    await tile.getByTestId('account-map-objects-button').click({ timeout: 20_000 });
    await settings.locator('[data-testid="mapping-list"][data-state="ready"]').waitFor();
    await settings.getByTestId('add-object').click();
    await pickOption(settings, 'object-picker', 'Case', 'Case');
    await settings.getByTestId('field-rows').waitFor();
    await pickOption(settings, 'add-optional-field', 'Subject', 'Subject');
    await settings.getByTestId('field-row-Subject').waitFor();
    await settings
      .getByTestId('entry-type-Subject')
      .getByRole('button', { name: 'Dynamic', exact: true })
      .click();
    const picker = settings.getByTestId('dynamic-picker-Subject');
    await picker.click();
    await picker.locator('input').fill('Preferred');
    const option = settings
      .getByTestId('picker-list')
      .getByRole('option')
      .filter({ has: settings.getByText('Preferred product', { exact: true }) });
    await option.waitFor();
    expect(await option.textContent()).toContain('declared · not in recent chats yet');
    await screenshot(page, 'settings-chat-fields-picker.png');
    await option.click();
    expect(await picker.textContent()).toContain('Pre-chat form · Preferred product');
    expect(await settings.getByTestId('field-problems-Subject').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
