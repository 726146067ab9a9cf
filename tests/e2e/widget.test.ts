import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { DEMO_ORG } from '../support/automation';
import { frameAt, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { demoLicense, demoVisitors, nora } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('the Chat Details widget in the Agent App (Chromium)', () => {
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

  async function openAgentApp(chatId: string) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${world.livechatUrl}/agent-app?as=${encodeURIComponent(nora.email)}&chat=${chatId}&view=archives`,
    );
    const widget = await frameAt(page, `${world.appUrl}/widget/`);
    return { page, widget, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, name) });

  it('shows the Contact of a visitor who is already in Salesforce', async () => {
    const { page, widget, errors } = await openAgentApp(chatOf(demoVisitors.existingContact.name));
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    const contacts = widget.locator('[data-testid="related-object"][data-object="Contact"]');
    const link = contacts.getByRole('link', { name: /John Smith/ });
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
    expect(await contacts.getByText(demoVisitors.existingContact.email).isVisible()).toBe(true);
    expect(
      await widget.locator('[data-object="Lead"]').getByText('No lead matches this visitor.').isVisible(),
    ).toBe(true);
    await shot(page, 'widget-existing-contact.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a Lead for a new visitor with an edited value, and links to it', async () => {
    const zoe = demoVisitors.newVisitor;
    const { page, widget, errors } = await openAgentApp(chatOf(demoVisitors.existingContact.name));
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });

    // The agent switches to Zoë's chat: customer_profile follows, and so does the widget.
    await page.locator(`#chat-list li[data-chat-id="${chatOf(zoe.name)}"]`).click();
    await widget.locator(`[data-testid="related-ready"][data-chat-id="${chatOf(zoe.name)}"]`).waitFor();
    const leads = widget.locator('[data-testid="related-object"][data-object="Lead"]');
    await leads.getByText('No lead matches this visitor.').waitFor();

    await widget.getByTestId('create-Lead').click();
    const form = widget.getByTestId('create-form');
    await form.waitFor();
    // With the form open, "no lead matches" is no longer said under it.
    expect(await leads.getByText('No lead matches this visitor.').count()).toBe(0);
    expect(await form.getByTestId('field-LastName').inputValue()).toBe('Müller');
    expect(await form.getByTestId('field-Email').inputValue()).toBe(zoe.email);
    expect(await form.getByTestId('field-LeadSource').inputValue()).toBe('Web');
    expect(await form.getByTestId('field-OwnerId').textContent()).toContain('Nora Agent');
    await shot(page, 'widget-create-form.png');

    // A required value emptied is caught before anything is sent.
    await form.getByTestId('field-Company').fill('');
    await form.getByTestId('create-save').click();
    await form.getByTestId('problem-Company').waitFor();
    expect(await form.getByTestId('problem-Company').textContent()).toBe('“Company” is required.');
    // The problem is brought into view and its field focused, so the agent sees what to fix.
    await widget.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'field-Company',
    );
    expect(await form.getByTestId('problem-Company').isVisible()).toBe(true);
    await shot(page, 'widget-create-form-problem.png');

    await form.getByTestId('field-Company').fill('Initech GmbH');
    await form.getByTestId('create-save').click();
    const success = widget.getByTestId('create-success-link');
    await success.waitFor();
    expect(await success.textContent()).toBe('Zoë Müller');
    expect(
      await leads
        .getByTestId('related-record')
        .getByRole('link', { name: /Zoë Müller/ })
        .count(),
    ).toBe(1);
    await shot(page, 'widget-lead-created.png');

    const demoOrg = world.salesforce.admin.orgs().find((o) => o.name === 'Demo Shop')!.id;
    const created = world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: zoe.email });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ LastName: 'Müller', FirstName: 'Zoë', Company: 'Initech GmbH' });
    expect(await success.getAttribute('href')).toContain(String(created[0]!.Id));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to try again when Salesforce is unavailable, and shows the records when it answers', async () => {
    // A chat no earlier test opened, so its records are not in the server's short cache.
    world.salesforce.admin.failNext(1, { kind: 503, orgId: DEMO_ORG });
    const { page, widget, errors } = await openAgentApp(chatOf(demoVisitors.existingLead.name));
    const retry = widget.getByTestId('state-unavailable-retry');
    await retry.waitFor({ timeout: 20_000 });
    await shot(page, 'widget-salesforce-unavailable.png');
    await retry.click();
    const leads = widget.locator('[data-testid="related-object"][data-object="Lead"]');
    await leads.getByRole('link', { name: new RegExp(demoVisitors.existingLead.name) }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains itself when opened outside LiveChat', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 480 } });
    await page.goto(`${world.appUrl}/widget/`);
    await page.getByTestId('outside-livechat').waitFor();
    await shot(page, 'widget-outside-livechat.png');
    await page.close();
  });
});
