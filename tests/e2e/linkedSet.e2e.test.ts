import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import { DEMO_ORG, endNewChat, eventually, runsOf } from '../support/automation';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { openSettingsAs, pickOption, screenshot, withBrowserWorld } from '../support/e2e';
import {
  addOptionalField,
  chooseEntryType,
  demoShopMappings,
  editMapping,
  shootAt,
} from '../support/settingsMappings';
import type { World } from '../support/world';
import { demoVisitors, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();
const john = demoVisitors.existingContact;

/**
 * Issue 15 end to end: the owner builds the Contact (link) → Case (its Contact ID is this chat's
 * Contact) → conversation Task set in the settings, previews it, a chat of a known Contact ends, and the
 * three linked records show in Activity and on the Salesforce (emulator) record pages.
 */
describe.skipIf(!chromiumPath)('a chat’s linked set, from the settings to Salesforce (Chromium)', () => {
  let world: World;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof demoShopMappings>>;
  withBrowserWorld(
    chromiumPath,
    (w, b) => {
      world = w;
      browser = b;
    },
    { world: { worker: true } },
  );
  beforeAll(async () => {
    account = await demoShopMappings(world);
    // The set is the Contact, the Case and the Task: the demo's Lead mapping is not part of it.
    const lead = (await account.find('Lead'))!;
    await world.call(account.token, endpoints.deleteMapping, { params: { mappingId: lead.id } });
  });
  const mappings = () => account.list();

  it('builds the set, previews it, and a chat of a known Contact creates its Case and Task linked to it', async () => {
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);

    // 1. The Contact: found by Email (linked), created after each chat when new.
    await editMapping(settings, 'Contact');
    await settings.getByTestId('automation-switch-label').click();
    await settings.locator('[data-testid="automation-switch"][data-on="true"]').waitFor();
    expect(await settings.getByTestId('duplicate-policy').getAttribute('data-value')).toBe('link');
    await settings.getByTestId('save-mapping').click();
    await settings.locator('[data-testid="mapping-card"][data-object="Contact"]').waitFor();

    // 2. The Case: its Contact ID is this chat's Contact; previewed on John Smith's archived chat.
    await settings.getByTestId('add-object').click();
    await pickOption(settings, 'object-picker', 'Case', 'Case');
    await settings.getByTestId('field-rows').waitFor();
    await addOptionalField(settings, 'Subject', 'Subject');
    await chooseEntryType(settings, 'Subject', 'Dynamic');
    await pickOption(settings, 'dynamic-picker-Subject', 'Chat subject', 'subject');
    await addOptionalField(settings, 'Contact ID', 'ContactId');
    await chooseEntryType(settings, 'ContactId', 'This chat’s record');
    await settings.locator('[data-testid="entry-type-ContactId"][data-value="chatRecord"]').waitFor();
    await settings.getByTestId('automation-switch-label').click();
    await pickOption(settings, 'preview-chat-picker', john.name, 'John');
    await settings.getByTestId('run-preview').click();
    const preview = settings.getByTestId('preview-result');
    await preview.waitFor();
    expect(await preview.getAttribute('data-errors')).toBe('0');
    const contactCell = settings.getByTestId('preview-record').locator('tr[data-field="ContactId"]');
    expect(await contactCell.getAttribute('data-chat-record')).toBe('Contact');
    expect(await contactCell.textContent()).toMatch(/This chat[’']s Contact/);
    await shootAt(page, settings, 'preview-result', 'linked-set-case-preview.png');
    await settings.getByTestId('save-mapping').click();
    await settings.locator('[data-testid="mapping-card"][data-object="Case"]').waitFor();

    // 3. The conversation, logged as a completed Task linked to both.
    const log = settings.getByTestId('conversation-log');
    await log.getByTestId('conversation-log-task').click();
    await settings
      .locator('[data-testid="conversation-log"][data-value="task"][aria-busy="false"]')
      .waitFor();
    expect(await log.getByTestId('conversation-log-links').textContent()).toBe(
      'Name (Who) → this chat’s ContactRelated to (What) → this chat’s Case',
    );
    expect(await settings.getByTestId('mapping-set-order').textContent()).toContain('Contact → Case');
    await shootAt(page, settings, 'mapping-cards', 'linked-set-settings.png');

    // The chat of a known Contact ends.
    const ended = endNewChat(world, { name: john.name, email: john.email });
    const chatId = ended.chatId;
    await eventually(async () => {
      const runs = await runsOf(world, chatId);
      expect(runs.map((r) => r.status).sort()).toEqual(['created', 'created', 'linked']);
    }, 30_000);

    // Salesforce has the Case pointing to John's Contact, and the Task pointing to both.
    const [contact] = world.salesforce.admin.findRecords(DEMO_ORG, 'Contact', { Email: john.email });
    // The chat's own Case: its subject names the chat (John has older Cases too).
    const cases = world.salesforce.admin
      .findRecords(DEMO_ORG, 'Case', { ContactId: contact!.Id })
      .filter((c) => String(c.Subject).includes(chatId));
    expect(cases).toHaveLength(1);
    const tasks = world.salesforce.admin.findRecords(DEMO_ORG, 'Task', { WhatId: cases[0]!.Id });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ WhoId: contact!.Id, Status: 'Completed' });
    expect(String(tasks[0]!.Description)).toMatch(/\[\d{2}:\d{2}\] John Smith: /);

    // Activity: the three runs, each saying which of the chat's records it points to.
    await settings.getByTestId('tab-activity').click();
    const row = (objectName: string) =>
      settings.locator(
        `[data-testid="activity-run"][data-chat-id="${chatId}"]:has(.run-row__object:text-is("${objectName}"))`,
      );
    await row('Task').waitFor({ timeout: 15_000 });
    expect(await row('Contact').getByTestId('activity-status').textContent()).toBe('Linked to existing');
    const linkTo = async (objectName: string, field: string) => {
      const link = row(objectName).getByTestId(`activity-link-${field}`);
      return { text: await link.textContent(), href: await link.locator('a').getAttribute('href') };
    };
    expect(await linkTo('Case', 'ContactId')).toEqual({
      text: 'ContactId → this chat’s Contact',
      href: expect.stringContaining(String(contact!.Id)),
    });
    expect(await linkTo('Task', 'WhoId')).toEqual({
      text: 'WhoId → this chat’s Contact',
      href: expect.stringContaining(String(contact!.Id)),
    });
    expect(await linkTo('Task', 'WhatId')).toEqual({
      text: 'WhatId → this chat’s Case',
      href: expect.stringContaining(String(cases[0]!.Id)),
    });
    await screenshot(page, 'linked-set-activity.png');

    // The Case's record page: its Contact is John Smith, and the Task is in its related list.
    const caseUrl = await row('Case').getByTestId('activity-record-link').getAttribute('href');
    const record = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await record.goto(caseUrl!);
    const body = await record.locator('main').textContent();
    expect(body).toContain(john.name);
    expect(body).toContain(String(tasks[0]!.Subject));
    await record.screenshot({ path: `${screenshotDir}/linked-set-case-page.png`, fullPage: true });
    // John's Contact page lists both.
    await record.getByRole('link', { name: john.name }).first().click();
    await record.waitForURL(/\/Contact\//);
    const contactPage = await record.locator('main').textContent();
    expect(contactPage).toContain(String(cases[0]!.CaseNumber));
    expect(contactPage).toContain(String(tasks[0]!.Subject));
    await record.screenshot({ path: `${screenshotDir}/linked-set-contact-page.png`, fullPage: true });
    await record.close();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a failed set in Activity: which record failed, and that the others were not written', async () => {
    // The Case now names an Account that does not exist: Salesforce refuses it (INVALID_CROSS_REFERENCE_KEY).
    const [contact] = world.salesforce.admin.findRecords(DEMO_ORG, 'Contact', { Email: john.email });
    const missingAccount = `${String(contact!.AccountId).slice(0, 12)}ZZZ`;
    const caseMapping = (await mappings()).find((m) => m.objectName === 'Case')!;
    const { id, accountId: _a, objectLabel: _l, createdAt: _c, updatedAt: _u, ...body } = caseMapping;
    await world.call(account.token, endpoints.updateMapping, {
      params: { mappingId: id },
      body: {
        ...body,
        fields: [...body.fields, { entryType: 'static', field: 'AccountId', value: missingAccount }],
      },
    });
    const visitor = demoVisitors.newVisitor;
    const ended = endNewChat(world, { name: visitor.name, email: visitor.email });
    await eventually(async () => {
      const runs = await runsOf(world, ended.chatId);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((r) => r.status === 'failed')).toBe(true);
    }, 30_000);
    const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
    await settings.getByTestId('tab-activity').click({ timeout: 20_000 });
    const rows = settings.locator(`[data-testid="activity-run"][data-chat-id="${ended.chatId}"]`);
    await rows.first().waitFor({ timeout: 15_000 });
    // The Case failed, with Salesforce's reason; the Contact and the Task were not written.
    await expect.poll(() => rows.count()).toBe(3);
    const caseRow = rows.filter({ has: settings.locator('.run-row__object:text-is("Case")') });
    expect(await caseRow.getByTestId('activity-status').textContent()).toBe('Failed');
    expect(await caseRow.getByTestId('activity-error').textContent()).toBe(
      'Salesforce refused the Case: invalid cross reference id',
    );
    const notWritten = rows.locator('[data-testid="activity-status"][data-not-written="true"]');
    expect(await notWritten.allTextContents()).toEqual(['Not written', 'Not written']);
    expect(await rows.getByTestId('activity-error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Not written: the Case failed/)]),
    );
    await screenshot(page, 'linked-set-activity-failed.png');
    expect(world.salesforce.admin.findRecords(DEMO_ORG, 'Contact', { Email: visitor.email })).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
