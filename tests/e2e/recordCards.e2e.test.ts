import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import { chromiumOrExplain } from '../support/browser';
import { frameAt, openSettingsAs, pickOption, screenshot, withBrowserWorld } from '../support/e2e';
import { demoLicense, demoVisitors, nora, olivia } from '../support/factories/people';
import type { World } from '../support/world';

const chromiumPath = chromiumOrExplain();
const john = demoVisitors.existingContact;

/**
 * Issue 16, "records worth seeing", in a real browser: the owner chooses what a Contact's card shows in
 * Settings (the defaults preselected), and the agent's widget shows those fields on John Smith's card,
 * wrapping in a 300 px panel.
 */
describe.skipIf(!chromiumPath)('record cards: Settings → the agent’s widget (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });

  async function contactMapping() {
    const token = world.tokenFor(olivia.email);
    const { accounts } = await world.call(token, endpoints.listAccounts);
    const id = accounts.find((a) => a.label === 'Demo Shop')!.id;
    const { mappings } = await world.call(token, endpoints.listMappings, { params: { id } });
    return mappings.find((m) => m.objectName === 'Contact')!;
  }

  it('lets the owner change a Contact’s key fields, and the agent’s card shows them', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
    await tile.getByTestId('account-map-objects-button').click({ timeout: 20_000 });
    await settings.locator('[data-testid="mapping-list"][data-state="ready"]').waitFor();
    await settings
      .locator('[data-testid="mapping-card"][data-object="Contact"]')
      .getByTestId('mapping-edit')
      .click();

    // The defaults are preselected: Account, Business Phone, Title.
    const section = settings.getByTestId('shown-to-agents');
    await section.waitFor();
    const chosen = settings.getByTestId('card-fields');
    expect(await chosen.getAttribute('data-value')).toBe('AccountId,Phone,Title');
    expect(await section.textContent()).toContain('At most 5');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'cards-settings-defaults.png');

    // Business Phone goes; Department and Mobile Phone come.
    await section.locator('[data-testid="card-fields-picker"]').getByText('Business Phone').waitFor();
    // The design system's multi-select shows each choice as a tag with its own remove button.
    const phoneTag = section
      .locator('[data-testid="card-fields-picker"] [class*="Tag-module__tag___"]')
      .filter({ hasText: 'Business Phone' });
    await phoneTag.getByRole('button', { name: 'Remove tag' }).click();
    await pickOption(settings, 'card-fields-picker', 'Department', 'Depart');
    await page.keyboard.press('Escape');
    await pickOption(settings, 'card-fields-picker', 'Mobile Phone', 'Mobile');
    await page.keyboard.press('Escape');
    await settings
      .locator('[data-testid="card-fields"][data-value="AccountId,Title,Department,MobilePhone"]')
      .waitFor();
    await screenshot(page, 'cards-settings-changed.png');

    await settings.getByTestId('save-mapping').click();
    await settings.locator('[data-testid="mapping-list"][data-state="ready"]').waitFor();
    expect((await contactMapping()).cardFields).toEqual(['AccountId', 'Title', 'Department', 'MobilePhone']);
    // The mapped-objects list says what agents see.
    const shown = settings
      .locator('[data-testid="mapping-card"][data-object="Contact"]')
      .getByTestId('mapping-card-fields');
    await expect.poll(() => shown.textContent()).toBe('AccountIdTitleDepartmentMobilePhone');
    await screenshot(page, 'cards-mapping-list.png');
    expect(errors).toEqual([]);
    await page.close();

    // The agent opens John Smith's chat: the card shows the owner's choice, in order, at 300 px.
    const chat = world.livechat.admin
      .chats(demoLicense.licenseId)
      .find((c) => c.customer.name === john.name)!;
    const agent = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const agentErrors: string[] = [];
    agent.on('pageerror', (e) => agentErrors.push(e.message));
    await agent.goto(
      `${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}&chat=${chat.id}&view=archives`,
    );
    await agent.addStyleTag({ content: '.details { width: 300px !important; }' });
    const widget = await frameAt(agent, `${world.appUrl}/widget/`);
    const card = widget
      .locator('[data-testid="related-object"][data-object="Contact"]')
      .getByTestId('related-record')
      .first();
    await card.waitFor({ timeout: 20_000 });
    const fields = await card
      .locator('.wr-record__field')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]),
      );
    expect(fields).toEqual([
      ['Account', 'Acme Corporation'],
      ['Title', 'IT Director'],
      ['Department', 'IT'],
      ['Mobile Phone', '(415) 555-0199'],
    ]);
    // Nothing is cut at 300 px: every value fits inside its card.
    const overflowing = await card.evaluate(
      (el) => [...el.querySelectorAll('dd, dt, a')].filter((n) => n.scrollWidth > n.clientWidth + 1).length,
    );
    expect(overflowing).toBe(0);
    expect(await widget.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(300);
    await card.scrollIntoViewIfNeeded();
    await screenshot(agent, 'cards-widget-300px.png');
    expect(agentErrors).toEqual([]);
    await agent.close();
  });
});
