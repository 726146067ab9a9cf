import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../emulators/salesforce/metadata/fields';
import { DEMO_ORG } from '../support/automation';
import { chromiumOrExplain } from '../support/browser';
import { openSettingsAs, pickOption, screenshot, withBrowserWorld } from '../support/e2e';
import {
  addOptionalField,
  chooseEntryType,
  demoShopMappings,
  editMapping,
  openMappings,
  shootAt,
  startMapping,
} from '../support/settingsMappings';
import type { World } from '../support/world';
import { demoVisitors, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

/**
 * Issue 15 in a real browser, control by control: a lookup field takes this chat's record of another
 * mapping, the list shows the set's order and links, "link and update" with a rule per field, "don't
 * create when the visitor is already a …", the record type and its picklist values, the conversation
 * log, and the problems of a set (a cycle, a mapping gone) at the field.
 */
describe.skipIf(!chromiumPath)('Settings → a chat’s linked records (Chromium)', () => {
  let world: World;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof demoShopMappings>>;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });
  beforeAll(async () => {
    // An org field that lets a Contact point to a Case: with a Case pointing to the Contact, a circle.
    world.salesforce.admin.addField(
      DEMO_ORG,
      'Contact',
      lookup('Case__c', 'Latest Case', ['Case'], 'Case__r'),
    );
    account = await demoShopMappings(world);
  });
  const mappingOf = (objectName: string, kind: 'record' | 'conversation' = 'record') =>
    account.find(objectName, kind);

  it('points a Case’s Contact ID to this chat’s Contact, and the list shows the order and the link', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await startMapping(settings, 'Case');
    await addOptionalField(settings, 'Subject', 'Subject');
    await settings.getByTestId('static-input-Subject').fill('Chat request');

    // A lookup to an object the account maps offers "This chat's record"; Contact is the one it can take.
    await addOptionalField(settings, 'Contact ID', 'ContactId');
    const contactRow = settings.getByTestId('field-row-ContactId');
    expect(await settings.getByTestId('entry-type-ContactId').textContent()).toContain('This chat’s record');
    // A lookup to an object nobody maps does not.
    await addOptionalField(settings, 'Parent Case ID', 'ParentId');
    expect(await settings.getByTestId('entry-type-ParentId').textContent()).not.toContain(
      'This chat’s record',
    );
    await settings.getByTestId('remove-field-ParentId').click();

    await chooseEntryType(settings, 'ContactId', 'This chat’s record');
    expect(await settings.getByTestId('entry-type-ContactId').getAttribute('data-value')).toBe('chatRecord');
    expect(await settings.getByTestId('chat-record-ContactId').textContent()).toContain(
      'This chat’s Contact',
    );
    expect(await settings.getByTestId('chat-record-hint-ContactId').textContent()).toContain(
      'Found by Email, or created, by the Contact mapping',
    );
    // This chat's record is known only once written: it cannot find the visitor's records.
    expect(await contactRow.getByRole('checkbox', { name: 'Searchable' }).isDisabled()).toBe(true);
    expect(await settings.getByTestId('mapping-status').textContent()).toBe('Ready to save');
    await shootAt(page, settings, 'field-row-ContactId', 'settings-linked-chat-record.png');

    await settings.getByTestId('save-mapping').click();
    const card = settings.locator('[data-testid="mapping-card"][data-object="Case"]');
    await card.waitFor();
    expect(await card.getByTestId('mapping-links').textContent()).toBe(
      'Case ContactId → this chat’s Contact',
    );
    // The set's order: the Contact before the Case that points to it.
    const steps = await settings
      .getByTestId('mapping-card')
      .evaluateAll((cards) =>
        cards.map((c) => `${c.getAttribute('data-step')} ${c.getAttribute('data-object')}`),
      );
    expect(steps.indexOf('3 Case')).toBeGreaterThan(steps.findIndex((s) => s.endsWith(' Contact')));
    expect(await settings.getByTestId('mapping-set-order').textContent()).toContain('Contact → Case');
    await screenshot(page, 'settings-linked-list.png');

    const saved = await mappingOf('Case');
    expect(saved?.fields).toContainEqual({ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('says, before deleting the Contact mapping, that the Case points to this chat’s Contact', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await openMappings(settings);
    await settings
      .locator('[data-testid="mapping-card"][data-object="Contact"]')
      .getByTestId('mapping-delete')
      .click();
    const warning = settings.getByTestId('delete-mapping-referenced');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('The Case mapping points to this chat’s Contact');
    await screenshot(page, 'settings-linked-delete-referenced.png');
    // Deleting anyway is refused by the server, and the modal says why.
    await settings.getByTestId('delete-mapping-confirm').click();
    await settings
      .getByTestId('delete-mapping-modal')
      .getByText(/so it cannot be removed\. Change it first\./)
      .waitFor();
    await screenshot(page, 'settings-linked-delete-refused.png');
    expect(await mappingOf('Contact')).toBeDefined();
    await settings.getByTestId('delete-mapping-modal').getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('links and updates the found Contact, with a rule per field (Owner never, by default)', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await editMapping(settings, 'Contact');
    await addOptionalField(settings, 'Owner ID', 'OwnerId');
    // No rule is offered before the mapping updates what it finds.
    expect(await settings.getByTestId('update-rule-LastName').count()).toBe(0);

    await settings.getByTestId('duplicate-policy-update').click();
    await settings.locator('[data-testid="duplicate-policy"][data-value="update"]').waitFor();
    expect(await settings.getByTestId('update-rule-LastName').getAttribute('data-value')).toBe('fillIfBlank');
    expect(await settings.getByTestId('update-rule-OwnerId').getAttribute('data-value')).toBe('never');
    await pickOption(settings, 'update-rule-FirstName', 'Always overwrite');
    await settings.locator('[data-testid="update-rule-FirstName"][data-value="overwrite"]').waitFor();
    await shootAt(page, settings, 'field-row-FirstName', 'settings-linked-update-rules.png');

    await settings.getByTestId('save-mapping').click();
    const card = settings.locator('[data-testid="mapping-card"][data-object="Contact"]');
    await card.waitFor();
    expect(await card.getByTestId('mapping-duplicate-policy').textContent()).toBe(
      'Links to an existing record when found, and updates it',
    );
    const saved = await mappingOf('Contact');
    expect(saved?.duplicatePolicy).toBe('update');
    const rules = Object.fromEntries(saved!.fields.map((f) => [f.field, f.updateRule]));
    expect(rules.FirstName).toBe('overwrite');
    expect(rules.LastName ?? 'fillIfBlank').toBe('fillIfBlank');
    expect(rules.OwnerId ?? 'never').toBe('never');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('skips the Lead when the visitor is already a Contact, Contact suggested, and says what it does', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await editMapping(settings, 'Lead');
    const option = settings.getByTestId('skip-if-exists');
    await option.scrollIntoViewIfNeeded();
    await settings.getByTestId('skip-if-exists-picker').click();
    const first = settings.getByTestId('picker-list').getByRole('option').first();
    expect(await first.textContent()).toContain('Contact');
    expect(await first.textContent()).toContain('Suggested');
    await first.click();
    await settings.locator('[data-testid="skip-if-exists"][data-value="Contact"]').waitFor();
    expect(await option.textContent()).toContain(
      'After a chat, no Lead is created when a Contact already has the visitor’s Email',
    );
    await page.keyboard.press('Escape');
    await shootAt(page, settings, 'skip-if-exists', 'settings-linked-skip.png');

    await settings.getByTestId('save-mapping').click();
    const card = settings.locator('[data-testid="mapping-card"][data-object="Lead"]');
    await card.waitFor();
    expect(await card.getByTestId('mapping-skip').textContent()).toBe(
      'When the visitor is already a Contact',
    );
    expect((await mappingOf('Lead'))?.skipIfExistsAs).toEqual(['Contact']);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('sets the Case’s record type, and its picklists offer that record type’s values', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await editMapping(settings, 'Case');
    await addOptionalField(settings, 'Case Origin', 'Origin');
    const originValues = async () => {
      await settings.getByTestId('static-input-Origin').click();
      const names = await settings
        .getByTestId('picker-list')
        .getByRole('option')
        .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
      await page.keyboard.press('Escape');
      return names;
    };
    expect(await originValues()).toEqual(expect.arrayContaining(['Web', 'Chat', 'Phone', 'Email']));
    await pickOption(settings, 'static-input-Origin', 'Web');

    await settings.getByTestId('record-type').scrollIntoViewIfNeeded();
    await pickOption(settings, 'record-type-picker', 'Support');
    await settings.locator('[data-testid="record-type"]:not([data-value=""])').waitFor();
    // Web is not a Support case's origin: the row says so, and Origin offers Support's values only.
    const problems = settings.getByTestId('field-problems-Origin');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Support');
    // Web stays shown while chosen, said to be not offered, for the owner to change.
    await expect.poll(originValues).toEqual(['Phone', 'Email', 'Chat', 'Webnot offered: see below']);
    await shootAt(page, settings, 'field-row-Origin', 'settings-linked-record-type-problem.png');
    await pickOption(settings, 'static-input-Origin', 'Chat');
    await expect.poll(() => problems.count()).toBe(0);
    await shootAt(page, settings, 'record-type', 'settings-linked-record-type.png');

    await settings.getByTestId('save-mapping').click();
    await settings.locator('[data-testid="mapping-card"][data-object="Case"]').waitFor();
    const saved = await mappingOf('Case');
    const support = world.salesforce.admin
      .findRecords(DEMO_ORG, 'RecordType', { DeveloperName: 'Support' })
      .find((rt) => rt.SobjectType === 'Case');
    expect(saved?.recordTypeId?.slice(0, 15)).toBe(String(support?.Id).slice(0, 15));
    expect(saved?.fields).toContainEqual({ entryType: 'static', field: 'Origin', value: 'Chat' });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('turns the conversation log on as a Task, linked to the chat’s Contact and Case, and previews it', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await openMappings(settings);
    const card = settings.getByTestId('conversation-log');
    expect(await card.getAttribute('data-value')).toBe('off');
    await shootAt(page, settings, 'conversation-log', 'settings-linked-log-off.png');

    await card.getByTestId('conversation-log-task').click();
    await settings
      .locator('[data-testid="conversation-log"][data-value="task"][aria-busy="false"]')
      .waitFor();
    expect(await card.getByTestId('conversation-log-links').textContent()).toBe(
      'Name (Who) → this chat’s ContactRelated to (What) → this chat’s Case',
    );
    await shootAt(page, settings, 'conversation-log', 'settings-linked-log-task.png');
    const log = await mappingOf('Task', 'conversation');
    expect(log).toMatchObject({ kind: 'conversation', logAs: 'task', automation: true });

    // Edited and previewed like any mapping: the preview says Task, and shows the readable conversation.
    await card.getByTestId('conversation-log-edit').click();
    await settings.getByTestId('field-rows').waitFor();
    expect(await settings.getByTestId('entry-type-WhoId').getAttribute('data-value')).toBe('chatRecord');
    const visitor = demoVisitors.newVisitor2;
    await pickOption(settings, 'preview-chat-picker', visitor.name, visitor.name.split(' ')[0]);
    await settings.getByTestId('run-preview').click();
    const result = settings.getByTestId('preview-result');
    await result.waitFor();
    expect(await result.getAttribute('data-log-as')).toBe('task');
    const text = await settings.getByTestId('preview-conversation-text').textContent();
    expect(text).toContain(visitor.name);
    expect(text).toMatch(/\[\d{2}:\d{2}\] /);
    const whoRow = settings.getByTestId('preview-record').locator('tr[data-field="WhoId"]');
    expect(await whoRow.textContent()).toContain('Contact');
    await shootAt(page, settings, 'preview-result', 'settings-linked-log-preview.png');

    // Always a Note, from the card.
    await settings.getByTestId('editor-back').click();
    await settings.getByTestId('conversation-log-note').click();
    await settings.locator('[data-testid="conversation-log"][data-value="note"]').waitFor();
    expect((await mappingOf('Task', 'conversation'))?.logAs).toBe('note');
    // Off keeps the log's settings for next time.
    await settings.getByTestId('conversation-log-off').click();
    await settings.locator('[data-testid="conversation-log"][data-value="off"]').waitFor();
    expect((await mappingOf('Task', 'conversation'))?.automation).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('says why the conversation log could not be turned on, and shows it saving meanwhile', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await openMappings(settings);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The server is slow to answer, then refuses (an outage of the app itself).
    await page.route('**/api/settings/mappings/*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await held;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'unavailable', message: 'The app is restarting; try again in a minute.' },
        }),
      });
    });
    const card = settings.getByTestId('conversation-log');
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('conversation-log-task').click();
    await card.getByTestId('conversation-log-saving').waitFor();
    await screenshot(page, 'settings-linked-log-saving.png');
    release();
    const error = card.getByTestId('conversation-log-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'The conversation log could not be changed: Something went wrong on our side. Try again in a moment.',
    );
    expect(await card.getAttribute('data-value')).toBe('off');
    await screenshot(page, 'settings-linked-log-error.png');
    await page.unroute('**/api/settings/mappings/*');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a cycle between the Contact and the Case at the field, before and after Save', async () => {
    // An org field that lets a Contact point to a Case: with the Case pointing to the Contact, a circle.
    world.salesforce.admin.addField(
      DEMO_ORG,
      'Contact',
      lookup('Case__c', 'Latest Case', ['Case'], 'Case__r'),
    );
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await editMapping(settings, 'Contact');
    await addOptionalField(settings, 'Latest Case', 'Case__c');
    await chooseEntryType(settings, 'Case__c', 'This chat’s record');
    const problems = settings.getByTestId('field-problems-Case__c');
    await problems.waitFor();
    expect(await problems.locator('[data-code="chat_record_cycle"]').textContent()).toContain(
      'Contact → Case → Contact',
    );
    await shootAt(page, settings, 'field-row-Case__c', 'settings-linked-cycle.png');
    await settings.getByTestId('save-mapping').click();
    expect(await settings.getByTestId('mapping-editor').isVisible()).toBe(true);
    expect((await mappingOf('Contact'))?.fields.some((f) => f.field === 'Case__c')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('warns at the Case’s Contact field when the Case runs by itself and the Contact does not', async () => {
    const contact = (await mappingOf('Contact'))!;
    await world.app.db.objectMapping.update({ where: { id: contact.id }, data: { automation: false } });
    try {
      const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
      await editMapping(settings, 'Case');
      const problems = settings.getByTestId('field-problems-ContactId');
      expect(await problems.locator('[data-code="chat_record_not_automated"]').count()).toBe(0);
      // The owner switches the Case's automation on: the Contact it points to is not made after a chat.
      await settings.getByTestId('automation-switch-label').click();
      const warning = problems.locator('[data-code="chat_record_not_automated"]');
      await warning.waitFor();
      expect(await warning.textContent()).toContain("Turn on Contact's automation to fill it by itself.");
      // A warning, not a refusal: the mapping can still be saved.
      expect(await settings.getByTestId('mapping-status').textContent()).not.toContain('fix');
      await shootAt(page, settings, 'field-row-ContactId', 'settings-linked-not-automated.png');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await world.app.db.objectMapping.update({ where: { id: contact.id }, data: { automation: true } });
    }
  }, 60_000);

  it('shows a saved link to a mapping that is gone at its field', async () => {
    // As an older database can hold it: the Case points to this chat's Contact, and no Contact is mapped.
    const contact = (await mappingOf('Contact'))!;
    await world.app.db.objectMapping.delete({ where: { id: contact.id } });
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await editMapping(settings, 'Case');
    const problems = settings.getByTestId('field-problems-ContactId');
    await problems.waitFor();
    expect(await problems.locator('[data-code="chat_record_object_not_mapped"]').count()).toBe(1);
    expect(await settings.getByTestId('chat-record-ContactId').textContent()).toContain(
      'This chat’s Contact',
    );
    await shootAt(page, settings, 'field-row-ContactId', 'settings-linked-missing.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
