import { mkdirSync } from 'node:fs';
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import type { SavedMapping } from '../../src/api/mappings';
import { chromiumOrExplain, launchChromium, screenshotDir } from '../support/browser';
import { ensureBuilt } from '../support/builtFrontends';
import { openSettingsAs, pickOption, screenshot } from '../support/e2e';
import { startWorld, type World } from '../support/world';
import { ada, demoVisitors, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

const kenji = demoVisitors.newVisitor2;

/**
 * Issue 6 in a real browser: the owner maps Lead from scratch on the demo org with every entry type,
 * previews it against an archived chat, and saves; a mapping that is not valid cannot be saved.
 */
describe.skipIf(!chromiumPath)('Settings → Map objects in the Agent App (Chromium)', () => {
  let world: World;
  let browser: Browser;
  let ownerToken: string;
  let accountId: string;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    world = await startWorld({ seed: true, worker: false });
    ownerToken = world.tokenFor(olivia.email);
    const { accounts } = await world.call(ownerToken, endpoints.listAccounts);
    accountId = accounts.find((a) => a.label === 'Demo Shop')!.id;
    // The demo maps Lead already: remove that mapping, so Lead is mapped from scratch.
    const lead = (await mappings()).find((m) => m.objectName === 'Lead')!;
    await world.call(ownerToken, endpoints.deleteMapping, { params: { mappingId: lead.id } });
    browser = await launchChromium(chromiumPath!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function mappings(): Promise<SavedMapping[]> {
    return (await world.call(ownerToken, endpoints.listMappings, { params: { id: accountId } })).mappings;
  }

  /** Settings → the Demo Shop tile → Map objects → Add new object → Lead. */
  async function startMappingLead(settings: FrameLocator) {
    const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
    await tile.getByTestId('account-map-objects-button').click({ timeout: 20_000 });
    await settings.locator('[data-testid="mapping-list"][data-state="ready"]').waitFor();
    await settings.getByTestId('add-object').click();
    await pickOption(settings, 'object-picker', 'Lead', 'Lea');
    await settings.getByTestId('field-rows').waitFor();
  }

  const entryType = (settings: FrameLocator, field: string, type: 'Static' | 'Dynamic' | 'Auto-Match') =>
    settings.getByTestId(`entry-type-${field}`).getByRole('button', { name: type, exact: true }).click();

  /** Adds an optional field by its label through the searchable "Add optional fields" picker. */
  async function addOptionalField(settings: FrameLocator, label: string, apiName: string) {
    await pickOption(settings, 'add-optional-field', label, label);
    await settings.getByTestId(`field-row-${apiName}`).waitFor();
  }

  it('cannot save a Lead whose required Company has no value, and says why beside the field', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await startMappingLead(settings);

    await entryType(settings, 'LastName', 'Dynamic');
    await pickOption(settings, 'dynamic-picker-LastName', 'Visitor last name', 'last name');
    await settings.getByTestId('static-input-Company').fill('Acme (chat)');
    await settings.getByTestId('static-input-Company').fill('');
    await settings.getByTestId('save-mapping').click();

    const problems = settings.getByTestId('field-problems-Company');
    await problems.waitFor();
    expect(await problems.textContent()).toBe('"Company" is required; give it a value.');
    expect(await settings.getByTestId('field-row-Company').getAttribute('class')).toContain(
      'field-row--error',
    );
    expect(await settings.getByTestId('mapping-status').textContent()).toBe('1 thing to fix before saving');
    await settings.getByTestId('field-row-Company').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-mapping-invalid.png');

    // Still on the editor, and nothing was saved.
    expect(await settings.getByTestId('mapping-editor').isVisible()).toBe(true);
    expect((await mappings()).map((m) => m.objectName)).not.toContain('Lead');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers a number field only chat values that can be numbers, and says why the others cannot', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await startMappingLead(settings);
    await addOptionalField(settings, 'Employees', 'NumberOfEmployees');
    await entryType(settings, 'NumberOfEmployees', 'Dynamic');

    await settings.getByTestId('dynamic-picker-NumberOfEmployees').click();
    const option = (name: string) =>
      settings
        .getByTestId('picker-list')
        .getByRole('option')
        .filter({ has: settings.getByText(name, { exact: true }) })
        .first();
    // The design system marks a disabled option on the item inside its role="option" wrapper.
    const isDisabled = async (name: string) =>
      (await option(name).locator('> div').getAttribute('aria-disabled')) === 'true';
    // The list renders what is in view: the chat's own values first, then (searched for) the visitor's.
    await option('Chat ID').waitFor();
    expect(await isDisabled('Chat start time')).toBe(true);
    expect(await isDisabled('Chat ID')).toBe(true);
    await settings.getByTestId('dynamic-picker-NumberOfEmployees').locator('input').fill('Visitor name');
    await option('Visitor name').waitFor();
    expect(await isDisabled('Visitor name')).toBe(true);
    expect(await option('Visitor name').textContent()).toContain('text, not a number');
    await screenshot(page, 'settings-mapping-number-sources.png');

    // A click on a value that cannot fit chooses nothing.
    await option('Visitor name').click({ force: true });
    expect(await settings.getByTestId('dynamic-picker-NumberOfEmployees').textContent()).not.toContain(
      'Visitor name',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('maps Lead with every entry type, previews it against Kenji Tanaka’s chat, and saves it', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await startMappingLead(settings);

    // Salesforce's required fields are preloaded and cannot be removed.
    for (const field of ['LastName', 'Company']) {
      await settings.getByTestId(`required-${field}`).waitFor();
      expect(await settings.getByTestId(`remove-field-${field}`).count()).toBe(0);
    }

    // Static text, Dynamic from the chat.
    await settings.getByTestId('static-input-Company').fill('Acme (chat)');
    await entryType(settings, 'LastName', 'Dynamic');
    await pickOption(settings, 'dynamic-picker-LastName', 'Visitor last name', 'last name');

    // Email: Dynamic, and the field agents find the visitor's Lead by.
    await addOptionalField(settings, 'Email', 'Email');
    await entryType(settings, 'Email', 'Dynamic');
    await pickOption(settings, 'dynamic-picker-Email', 'Visitor email', 'Visitor email');
    await settings.getByTestId('field-row-Email').getByRole('checkbox').check();

    // A Static picklist value.
    await addOptionalField(settings, 'Lead Source', 'LeadSource');
    await pickOption(settings, 'static-input-LeadSource', 'Web', 'Web');

    // The owner: the User whose email is the chat agent's.
    await addOptionalField(settings, 'Owner ID', 'OwnerId');
    await entryType(settings, 'OwnerId', 'Auto-Match');
    await pickOption(settings, 'automatch-object-OwnerId', 'User');
    await pickOption(settings, 'automatch-field-OwnerId', 'Email', 'Email');
    await pickOption(settings, 'automatch-source-OwnerId', 'Agent email', 'Agent email');

    // The words toggle the switch, as a label does.
    await settings.getByTestId('automation-switch-label').click();
    await settings.locator('[data-testid="automation-switch"][data-on="true"]').waitFor();
    expect(await settings.getByRole('checkbox', { name: 'Enable automation' }).isChecked()).toBe(true);
    // Keep the agent as owner: Salesforce's assignment rules would otherwise choose one.
    await settings
      .getByRole('checkbox', { name: 'Let Salesforce assignment rules choose the owner' })
      .uncheck();
    await settings.locator('[data-testid="auto-assign-switch"][data-on="false"]').waitFor();

    expect(await settings.getByTestId('entry-type-Company').getAttribute('data-value')).toBe('static');
    expect(await settings.getByTestId('entry-type-LastName').getAttribute('data-value')).toBe('dynamic');
    expect(await settings.getByTestId('entry-type-Email').getAttribute('data-value')).toBe('dynamic');
    expect(await settings.getByTestId('entry-type-LeadSource').getAttribute('data-value')).toBe('static');
    expect(await settings.getByTestId('entry-type-OwnerId').getAttribute('data-value')).toBe('autoMatch');
    expect(await settings.getByTestId('mapping-status').textContent()).toBe('Ready to save');
    await screenshot(page, 'settings-mapping-fields.png');

    // Preview against Kenji's archived chat: nothing is created.
    await pickOption(settings, 'preview-chat-picker', kenji.name, 'Kenji');
    await settings.getByTestId('run-preview').click();
    const result = settings.getByTestId('preview-result');
    await result.waitFor();
    const value = (field: string) =>
      settings.getByTestId('preview-record').locator(`tr[data-field="${field}"] td`).textContent();
    expect(await value('LastName')).toBe('Tanaka');
    expect(await value('Email')).toBe(kenji.email);
    expect(await value('Company')).toBe('Acme (chat)');
    expect(await value('LeadSource')).toBe('Web');
    expect(await value('OwnerId')).toContain(ada.name);
    expect(await settings.getByTestId('preview-lookups').textContent()).toContain(
      `the User whose Email is “${ada.email}”`,
    );
    expect(await result.getAttribute('data-errors')).toBe('0');
    // The preview is the end of the editor: scrolled down, it shows above the sticky Save bar.
    await result.evaluate(() =>
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
    );
    // The settings frame is cross-origin (its own renderer): let it paint the scroll before the shot.
    await result.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await screenshot(page, 'settings-mapping-preview.png');

    await settings.getByTestId('save-mapping').click();
    const card = settings.locator('[data-testid="mapping-card"][data-object="Lead"]');
    await card.waitFor();
    expect(await card.getByTestId('mapping-automation').textContent()).toBe('Automation on');
    expect(await card.getByTestId('mapping-searchable').textContent()).toBe('Email');
    expect(await settings.getByTestId('mappings-notice').textContent()).toBe('Saved the Lead mapping.');
    await screenshot(page, 'settings-mapping-saved.png');

    const lead = (await mappings()).find((m) => m.objectName === 'Lead')!;
    expect(lead).toMatchObject({ automation: true, autoAssign: false, searchableFields: ['Email'] });
    expect(Object.fromEntries(lead.fields.map((f) => [f.field, f]))).toEqual({
      LastName: { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      Company: { entryType: 'static', field: 'Company', value: 'Acme (chat)' },
      Email: { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
      LeadSource: { entryType: 'static', field: 'LeadSource', value: 'Web' },
      OwnerId: {
        entryType: 'autoMatch',
        field: 'OwnerId',
        match: { object: 'User', field: 'Email', source: 'agent.email' },
      },
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
