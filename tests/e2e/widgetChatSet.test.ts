import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLinkedSet } from '../../emulators/demo/demo';
import { createMapping } from '../../server/mappings/mappings.repo';
import type { Mapping } from '../../src/mapping/mapping';
import { DEMO_ORG } from '../support/automation';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { frameAt, withBrowserWorld } from '../support/e2e';
import { demoLicense, demoVisitors, nora } from '../support/factories/people';
import type { World } from '../support/world';

const chromiumPath = chromiumOrExplain();

/**
 * Issue 15 in the agent's widget: the chat's set (the Contact found, the Case to be created after the
 * chat), creating it with one button, and attaching the chat's transcript to a record shown.
 */
describe.skipIf(!chromiumPath)('the chat’s set in the widget (Chromium)', () => {
  let world!: World;
  let browser!: Browser;
  withBrowserWorld(chromiumPath, (w, b) => {
    world = w;
    browser = b;
  });

  const sf = () => world.salesforce.admin;
  const shot = (target: Page | Locator, name: string) =>
    target.screenshot({ path: path.join(screenshotDir, name) });

  /** The demo account's mappings become the support desk's set: Contact → Case → the conversation Task. */
  async function useLinkedSet() {
    const db = world.app.db;
    const account = await db.salesforceAccount.findFirstOrThrow({ where: { label: 'Demo Shop' } });
    await db.objectMapping.deleteMany({ where: { accountId: account.id } });
    for (const mapping of demoLinkedSet as Mapping[])
      await createMapping(db, {
        licenseId: demoLicense.organizationId,
        accountId: account.id,
        objectLabel: mapping.objectName,
        mapping,
      });
  }

  /** A chat of this visitor that no other test opened (nothing of it in the server's short cache). */
  function newChat(visitor: { name: string; email: string }) {
    return world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor,
      agentEmail: nora.email,
      active: false,
      messages: [
        ['c', 'Hi, the grinder I bought arrived broken.'],
        ['a', 'Sorry about that! I am opening a case for you.'],
      ],
    }).chatId;
  }

  async function openAgentApp(chatId: string) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}&chat=${chatId}&view=archives`,
    );
    const widget = await frameAt(page, `${world.appUrl}/widget/`);
    const frame = page.locator(`iframe[src^="${world.appUrl}/widget/"]`);
    return { page, widget, frame, errors };
  }

  it('shows the Contact found and the Case to be created, creates the set with one button, linked', async () => {
    await useLinkedSet();
    const john = demoVisitors.existingContact;
    const [johnContact] = sf().findRecords(DEMO_ORG, 'Contact', { Email: john.email });
    const chatId = newChat({ name: john.name, email: john.email });
    // The set is asked for after the records: slowed down, its loading state shows under them.
    sf().setLatency(1_500);
    const { page, widget, frame, errors } = await openAgentApp(chatId);
    try {
      await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
      await widget.getByTestId('chat-set-loading').waitFor();
      await frame.scrollIntoViewIfNeeded();
      await shot(frame, 'widget-set-loading.png');
    } finally {
      sf().setLatency(0);
    }

    const set = widget.getByTestId('chat-set');
    await set.waitFor({ timeout: 20_000 });
    const contact = set.locator('[data-testid="set-member"][data-object="Contact"]');
    const theCase = set.locator('[data-testid="set-member"][data-object="Case"]');
    expect(await contact.getAttribute('data-state')).toBe('found');
    expect(await contact.getByTestId('set-member-link').textContent()).toContain('John Smith');
    expect(await theCase.getAttribute('data-state')).toBe('toCreate');
    expect(await theCase.textContent()).toContain(
      'To be created after the chat, linked to this chat’s Contact',
    );
    expect(await set.getByTestId('set-conversation').textContent()).toBe(
      'The conversation is logged as a Task after the chat.',
    );
    await shot(frame, 'widget-set-shown.png');

    await set.getByTestId('set-create-all').click();
    await set.getByTestId('set-created').waitFor();
    expect(await theCase.getAttribute('data-state')).toBe('created');
    expect(await set.getByTestId('set-complete').count()).toBe(0);
    const caseLink = theCase.getByTestId('set-member-link');
    const caseId = /\/Case\/(\w+)\/view$/.exec((await caseLink.getAttribute('href')) ?? '')![1]!;
    expect(sf().getRecord(DEMO_ORG, caseId)?.record).toMatchObject({
      ContactId: johnContact!.Id,
      Origin: 'Chat',
    });
    // The new Case is among the records, as a fresh card.
    const caseCards = widget.locator('[data-testid="related-object"][data-object="Case"]');
    const caseCard = caseCards.locator(`[data-record-id="${caseId}"]`);
    expect(await caseCard.count()).toBe(1);
    // Complete at once, with the key fields Salesforce gave it (no refresh: its search index may lag).
    expect(await caseCard.locator('[data-field="Status"]').textContent()).toContain('New');
    expect(await caseCard.locator('[data-field="Priority"]').textContent()).toContain('Medium');
    await shot(frame, 'widget-set-created.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('attaches the chat’s transcript to a record shown, and the card links to the Task', async () => {
    await useLinkedSet();
    const john = demoVisitors.existingContact;
    const [johnContact] = sf().findRecords(DEMO_ORG, 'Contact', { Email: john.email });
    const chatId = newChat({ name: john.name, email: john.email });
    const { page, widget, frame, errors } = await openAgentApp(chatId);
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    const card = widget
      .locator('[data-testid="related-object"][data-object="Contact"]')
      .locator(`[data-record-id="${String(johnContact!.Id)}"]`);
    // The menu comes once the set says what a Task may relate to.
    const actions = card.getByTestId('record-actions');
    await actions.waitFor({ timeout: 20_000 });
    await actions.click();
    const item = card.getByTestId('attach-transcript');
    await item.waitFor();
    expect(await item.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(frame, 'widget-attach-menu.png');

    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await card.getByTestId('record-menu').count()).toBe(0);
    expect(await actions.evaluate((el) => el === document.activeElement)).toBe(true);

    await actions.click();
    await item.click();
    const link = card.getByTestId('attach-link');
    await link.waitFor();
    expect(await card.getByTestId('attach-done').textContent()).toMatch(
      /^Transcript attached as a Task: LiveChat chat with John Smith, .+\(chat \w+\)$/,
    );
    const taskId = /\/Task\/(\w+)\/view$/.exec((await link.getAttribute('href')) ?? '')![1]!;
    const task = sf().getRecord(DEMO_ORG, taskId)?.record;
    expect(task).toMatchObject({ WhoId: johnContact!.Id, Status: 'Completed' });
    expect(String(task!.Description)).toContain('John Smith: Hi, the grinder I bought arrived broken.');
    await card.scrollIntoViewIfNeeded();
    await shot(frame, 'widget-attach-done.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when the set cannot be checked, and shows it after trying again', async () => {
    await useLinkedSet();
    const visitor = { name: 'Pia Probe', email: `pia.${Date.now()}@example.com` };
    const chatId = newChat(visitor);
    // Opened once: the visitor's records are in the server's short cache, so the next open asks
    // Salesforce only for the set, and that call fails.
    const first = await openAgentApp(chatId);
    await first.widget.getByTestId('chat-set').waitFor({ timeout: 20_000 });
    await first.page.close();
    sf().failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED', orgId: DEMO_ORG });
    const { page, widget, frame, errors } = await openAgentApp(chatId);
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    const failed = widget.getByTestId('chat-set-error');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.textContent()).toContain('used up its API calls');
    await frame.scrollIntoViewIfNeeded();
    await shot(frame, 'widget-set-error.png');

    await failed.getByTestId('chat-set-retry').click();
    const set = widget.getByTestId('chat-set');
    await set.waitFor();
    expect(
      await set
        .locator('[data-testid="set-member"][data-state="toCreate"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-object'))),
    ).toEqual(['Contact', 'Case']);
    expect(await set.getByTestId('set-create-all').textContent()).toBe('Create 2 records now');
    await shot(frame, 'widget-set-new-visitor.png');

    // Salesforce fails the create: nothing was written, the agent reads why and presses again.
    sf().failNext(1, { kind: 503, orgId: DEMO_ORG });
    await set.getByTestId('set-create-all').click();
    const problem = set.getByTestId('set-create-problem');
    await problem.waitFor();
    expect(sf().findRecords(DEMO_ORG, 'Contact', { Email: visitor.email })).toEqual([]);
    await shot(frame, 'widget-set-create-failed.png');
    await set.getByTestId('set-create-all').click();
    await set.getByTestId('set-created').waitFor();
    expect(await problem.count()).toBe(0);
    expect(await set.getByTestId('set-created').textContent()).toBe(
      '2 records created, linked to each other.',
    );
    const [contact] = sf().findRecords(DEMO_ORG, 'Contact', { Email: visitor.email });
    expect(sf().findRecords(DEMO_ORG, 'Case', { ContactId: String(contact!.Id) })).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
