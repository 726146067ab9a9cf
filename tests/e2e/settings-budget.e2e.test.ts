import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import { DEMO_ORG } from '../support/automation';
import { chromiumOrExplain } from '../support/browser';
import { openSettingsAs, screenshot, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('Settings → an account’s API usage and budget (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });

  it('shows the org’s API calls and ours, and lets the owner set and remove the automation budget', async () => {
    world.salesforce.admin.setApiUsage(DEMO_ORG, { used: 4200, limit: 15000 });
    // One answer from the org (the owner's mapping list describes nothing; a describe does).
    await world.call(world.tokenFor(olivia.email), endpoints.listObjects, {
      params: { id: (await world.app.db.salesforceAccount.findFirstOrThrow()).id },
    });
    await world.app.services.apiUsage.flush();

    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
    await tile.waitFor({ timeout: 20_000 });
    const usage = tile.getByTestId('account-api-usage');
    await expect.poll(() => usage.textContent()).toMatch(/4,20\d of 15,000 \(28 %\) · \d+ by this app today/);
    expect(await tile.getByTestId('account-budget').textContent()).toContain('None');

    await tile.getByTestId('account-budget-button').click();
    const modal = settings.getByTestId('budget-modal');
    await modal.waitFor();
    await settings.getByTestId('budget-percent').fill('0');
    await settings.getByTestId('budget-save').click();
    await expect.poll(() => modal.textContent()).toContain('at least 1 %');
    await settings.getByTestId('budget-percent').fill('20');
    await screenshot(page, 'settings-budget-modal.png');
    await settings.getByTestId('budget-save').click();
    await modal.waitFor({ state: 'detached' });
    await expect
      .poll(() => settings.getByTestId('accounts-notice').textContent())
      .toContain('now stops at 20 % of the org’s daily API calls');
    expect(await tile.getByTestId('account-budget').textContent()).toContain('Up to 20 %');
    expect(await usage.textContent()).toMatch(/of 15,000/); // the usage stays on the tile
    await screenshot(page, 'settings-budget-tile.png');
    const saved = await world.app.db.salesforceAccount.findFirstOrThrow({ where: { label: 'Demo Shop' } });
    expect(saved.automationBudgetPercent).toBe(20);

    await tile.getByTestId('account-budget-button').click();
    await settings.getByTestId('budget-remove').click();
    await expect.poll(() => tile.getByTestId('account-budget').textContent()).toContain('None');
    expect(errors).toEqual([]);
    await page.close();
  });
});
