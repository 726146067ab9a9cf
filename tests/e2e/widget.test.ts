import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumOrExplain, screenshotDir } from '../support/browser';
import { DEMO_ORG } from '../support/automation';
import { frameAt, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { endpoints } from '../../src/api/endpoints';
import type { Mapping } from '../../src/mapping/mapping';
import { buildMapping } from '../support/factories/mapping';
import { ada, demoLicense, demoVisitors, nora, olivia } from '../support/factories/people';

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

  const shot = (page: Page | Locator, name: string) =>
    page.screenshot({ path: path.join(screenshotDir, name) });

  const demoOrgId = () => world.salesforce.admin.orgs().find((o) => o.name === 'Demo Shop')!.id;

  /** Maps an object on the demo account, as its owner would in the settings, until the test ends. */
  const mappedHere: string[] = [];
  async function mapOnDemoAccount(mapping: Mapping) {
    const ownerToken = world.tokenFor(olivia.email);
    const [account] = (await world.call(ownerToken, endpoints.listAccounts)).accounts;
    const saved = await world.call(ownerToken, endpoints.createMapping, {
      params: { id: account!.id },
      body: mapping,
    });
    mappedHere.push(saved.id);
  }
  afterEach(async () => {
    for (const mappingId of mappedHere.splice(0)) {
      await world.call(world.tokenFor(olivia.email), endpoints.deleteMapping, { params: { mappingId } });
    }
  });

  /**
   * The Agent App on a chat, with the Create form of `objectName` open, and the widget's frame for
   * screenshots at its width in the Details panel (328 px).
   */
  async function openCreateForm(chatId: string, objectName: string) {
    const opened = await openAgentApp(chatId);
    const frame = opened.page.locator(`iframe[src^="${world.appUrl}/widget/"]`);
    await opened.widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    await opened.widget.getByTestId(`create-${objectName}`).click();
    const form = opened.widget.getByTestId('create-form');
    await form.waitFor();
    return { ...opened, frame, form };
  }

  it('shows the Contact of a visitor who is already in Salesforce', async () => {
    const { page, widget, errors } = await openAgentApp(chatOf(demoVisitors.existingContact.name));
    await widget.getByTestId('related-ready').waitFor({ timeout: 20_000 });
    const contacts = widget.locator('[data-testid="related-object"][data-object="Contact"]');
    const link = contacts.getByRole('link', { name: /John Smith/ });
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
    // The Contact card's default key fields: Account (by its name), Phone, Title.
    expect(await contacts.getByText('Acme Corporation').isVisible()).toBe(true);
    expect(await contacts.getByText('IT Director').isVisible()).toBe(true);
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
    // The auto-matched Owner, by name, in its lookup.
    expect(await form.getByTestId('field-OwnerId').inputValue()).toBe('Nora Agent');
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
    // The new card shows its key fields at once, Salesforce's default Status among them.
    const fresh = leads.getByTestId('related-record').filter({ hasText: 'Zoë Müller' });
    expect(await fresh.textContent()).toContain('Open - Not Contacted');
    expect(await fresh.textContent()).toContain('Initech GmbH');
    await shot(page, 'widget-lead-created.png');

    const demoOrg = demoOrgId();
    const created = world.salesforce.admin.findRecords(demoOrg, 'Lead', { Email: zoe.email });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ LastName: 'Müller', FirstName: 'Zoë', Company: 'Initech GmbH' });
    expect(await success.getAttribute('href')).toContain(String(created[0]!.Id));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a Case with the Account the agent finds in its lookup, and the Owner shown by name', async () => {
    // A chat no earlier test opened, so its records (without Cases) are not in the server's short cache.
    const kenji = demoVisitors.newVisitor2;
    const demoOrg = demoOrgId();
    // Cases from the chat: the Account matched by the visitor's name (Kenji has none), the chat's agent
    // (Ada answered Kenji) as Owner, and a Contact id that no longer exists in the org.
    await mapOnDemoAccount(
      buildMapping({
        objectName: 'Case',
        fields: [
          { entryType: 'static', field: 'Subject', value: 'Question from the chat' },
          { entryType: 'dynamic', field: 'SuppliedEmail', source: 'visitor.email' },
          {
            entryType: 'autoMatch',
            field: 'AccountId',
            match: { object: 'Account', field: 'Name', source: 'visitor.name' },
          },
          {
            entryType: 'autoMatch',
            field: 'OwnerId',
            match: { object: 'User', field: 'Email', source: 'agent.email' },
          },
          { entryType: 'static', field: 'ContactId', value: '003000000000000AAA' },
        ],
        searchableFields: ['SuppliedEmail'],
        autoAssign: false,
      }),
    );

    const { page, widget, errors, frame, form } = await openCreateForm(chatOf(kenji.name), 'Case');

    // Prefilled references read as names, and the id that matches nothing says so at its field.
    const owner = form.getByTestId('field-OwnerId');
    expect(await owner.inputValue()).toBe('Ada Admin');
    expect(await owner.getAttribute('role')).toBe('combobox');
    expect(await form.getByTestId('field-AccountId').inputValue()).toBe('');
    expect(await form.getByTestId('problem-ContactId').textContent()).toContain(
      'No Contact has the id 003000000000000AAA',
    );
    expect(await form.getByTestId('field-ContactId').getAttribute('aria-invalid')).toBe('true');
    await frame.scrollIntoViewIfNeeded();
    await form.getByTestId('field-OwnerId').scrollIntoViewIfNeeded();
    await shot(frame, 'widget-case-form.png');
    await form.getByTestId('problem-ContactId').scrollIntoViewIfNeeded();
    await shot(frame, 'widget-case-form-invalid-reference.png');

    // A search that finds nothing says so, naming what was searched.
    const accountInput = form.getByTestId('field-AccountId');
    await accountInput.fill('zzz');
    const accountList = form.getByTestId('lookup-AccountId');
    await accountList.getByText('No account matches “zzz”').waitFor();
    expect(await accountInput.getAttribute('aria-expanded')).toBe('true');

    // A search Salesforce refuses says why, and offers to ask again.
    world.salesforce.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED', orgId: demoOrg });
    await accountInput.fill('acme');
    const retry = form.getByTestId('lookup-retry-AccountId');
    await retry.waitFor();
    expect(await accountList.textContent()).toContain('has used up its Salesforce API calls for today');
    await shot(frame, 'widget-case-lookup-error.png');
    await retry.click();

    // Typing finds the Account by name; the arrow keys and Enter pick it.
    const acme = accountList.getByRole('option', { name: 'Acme Corporation' });
    await acme.waitFor();
    expect(await accountInput.evaluate((input) => input === document.activeElement)).toBe(true);
    await accountInput.press('ArrowDown');
    expect(await accountInput.getAttribute('aria-activedescendant')).toBe(await acme.getAttribute('id'));
    await shot(frame, 'widget-case-lookup-open.png');
    await accountInput.press('Enter');
    expect(await accountList.count()).toBe(0);
    expect(await accountInput.inputValue()).toBe('Acme Corporation');
    expect(await accountInput.getAttribute('aria-expanded')).toBe('false');

    // Escape closes a search and keeps the record the field had.
    await owner.fill('sam');
    await form.getByTestId('lookup-OwnerId').getByRole('option', { name: 'Sam Support' }).waitFor();
    await owner.press('Escape');
    expect(await form.getByTestId('lookup-OwnerId').count()).toBe(0);
    expect(await owner.inputValue()).toBe('Ada Admin');

    // The Contact that no longer exists is cleared, and its problem goes with it.
    await form.getByTestId('lookup-clear-ContactId').click();
    expect(await form.getByTestId('problem-ContactId').count()).toBe(0);
    expect(await form.getByTestId('field-ContactId').inputValue()).toBe('');

    await form.getByTestId('create-save').click();
    await widget.getByTestId('create-success-link').waitFor();
    const [created] = world.salesforce.admin.findRecords(demoOrg, 'Case', { SuppliedEmail: kenji.email });
    const [acmeRecord] = world.salesforce.admin.findRecords(demoOrg, 'Account', { Name: 'Acme Corporation' });
    const adaUser = world.salesforce.admin
      .orgs()
      .find((o) => o.id === demoOrg)!
      .users.find((u) => u.email === ada.email)!;
    expect(created).toMatchObject({ AccountId: acmeRecord!.Id, OwnerId: adaUser.id, ContactId: null });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the agent choose the kind of record of a polymorphic field, then find it', async () => {
    // A visitor who is a Lead, chatting for the first time (no other test reads her records).
    const noor = { name: 'Noor Haddad', email: 'noor.haddad@example.com' };
    const demoOrg = demoOrgId();
    const leadId = world.salesforce.admin.insertRecord(demoOrg, 'Lead', {
      FirstName: 'Noor',
      LastName: 'Haddad',
      Company: 'Haddad Trading',
      Email: noor.email,
    });
    const [acme] = world.salesforce.admin.findRecords(demoOrg, 'Account', { Name: 'Acme Corporation' });
    // A Task's Name may be a Contact or a Lead, its Related To an Account, a Case…
    await mapOnDemoAccount(
      buildMapping({
        objectName: 'Task',
        fields: [
          { entryType: 'static', field: 'Priority', value: 'High' },
          {
            entryType: 'autoMatch',
            field: 'WhoId',
            match: { object: 'Contact', field: 'Email', source: 'visitor.email' },
          },
          { entryType: 'static', field: 'WhatId', value: String(acme!.Id) },
        ],
        autoAssign: false,
      }),
    );
    // A chat of its own, so that its records are read with the Task mapped.
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: noor,
      agentEmail: nora.email,
      active: false,
      messages: [['c', 'Please call me back about the quote.']],
    });

    const { page, widget, errors, frame, form } = await openCreateForm(chatId, 'Task');
    const kind = form.getByTestId('lookup-object-WhoId');
    expect(await kind.inputValue()).toBe('Contact');
    expect(await form.getByTestId('lookup-object-WhatId').inputValue()).toBe('Account');
    expect(await form.getByTestId('field-WhatId').inputValue()).toBe('Acme Corporation');

    // Noor is a Lead, not a Contact: the agent says so, then finds her.
    await kind.selectOption('Lead');
    const who = form.getByTestId('field-WhoId');
    expect(await who.getAttribute('placeholder')).toBe('Find a lead by name');
    // While Salesforce answers, the list says it is searching.
    world.salesforce.admin.setLatency(2_000);
    try {
      await who.fill('haddad');
      await form.getByTestId('lookup-WhoId').getByText('Searching…').waitFor();
      await frame.scrollIntoViewIfNeeded();
      await shot(frame, 'widget-task-lookup-searching.png');
    } finally {
      world.salesforce.admin.setLatency(0);
    }
    const option = form.getByTestId('lookup-WhoId').getByRole('option', { name: noor.name });
    await option.waitFor();
    await frame.scrollIntoViewIfNeeded();
    await shot(frame, 'widget-task-polymorphic-lookup.png');
    await option.click();
    expect(await who.inputValue()).toBe(noor.name);
    // Salesforce relates a Lead's Task to nothing else: the agent clears Related To.
    await form.getByTestId('lookup-clear-WhatId').click();

    await form.getByTestId('create-save').click();
    const link = widget.getByTestId('create-success-link');
    await link.waitFor();
    const taskId = /\/Task\/(\w+)\/view$/.exec((await link.getAttribute('href')) ?? '')![1]!;
    expect(world.salesforce.admin.getRecord(demoOrg, taskId)?.record).toMatchObject({
      WhoId: leadId,
      WhatId: null,
      Priority: 'High',
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to try again when Salesforce is unavailable, and shows the records when it answers', async () => {
    // A chat no earlier test opened, so its records are not in the server's short cache. Its search is a
    // POST (jsforce retries a GET that answers 503 by itself, and an earlier test's late lookup is a GET).
    world.salesforce.admin.failNext(1, { kind: 503, orgId: DEMO_ORG, method: 'POST' });
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
