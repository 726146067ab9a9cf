import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints';
import type { FieldMapping } from '../../src/mapping/mapping';
import { DEMO_ORG, endNewChat, eventually, leadsWithEmail, runsOf } from '../support/automation';
import { chromiumOrExplain, launchChromium, screenshotDir } from '../support/browser';
import { ensureBuilt } from '../support/builtFrontends';
import { startWorld, type World } from '../support/world';
import { demoLicense, demoVisitors, olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('automatic records in Activity, through the demo Agent App (Chromium)', () => {
  let world: World;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    world = await startWorld({ seed: true });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, name) });
  const settings = (): FrameLocator => page.frameLocator('iframe[src*="/settings/"]');
  const runRow = (chatId: string) =>
    settings().locator(`[data-testid="activity-run"][data-chat-id="${chatId}"]`);

  /** "Open in Salesforce" goes to the record in the (emulated) org: the run's own recordUrl. */
  async function expectRecordLink(link: Locator, chatId: string, recordId: string) {
    const [run] = await runsOf(world, chatId);
    const href = await link.getAttribute('href');
    expect(href).toBe(run?.recordUrl);
    expect(href?.startsWith(`${world.salesforceUrl}/`)).toBe(true);
    expect(href).toContain(recordId);
  }

  async function openActivity() {
    await page.locator('.rail button[data-view="apps"]').click();
    await settings().getByTestId('tab-activity').click({ timeout: 20_000 });
    await settings().getByTestId('activity-tab').waitFor();
  }

  it('says how to get started while nothing has run yet', async () => {
    await page.goto(`${world.agentAppUrl}?as=${encodeURIComponent(olivia.email)}&view=apps`);
    await openActivity();
    const empty = settings().getByTestId('activity-empty');
    await empty.waitFor({ timeout: 15_000 });
    expect(await empty.textContent()).toContain('Turn on automation on a mapped object');
    await shot('automation-activity-empty.png');
  });

  it('shows the Lead created after the owner ends a chat, with its link to Salesforce', async () => {
    const email = 'amara.okafor@example.ng';
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Amara Okafor', email },
      agentEmail: olivia.email,
      messages: [
        ['c', 'Hi! Could you send me a price list for 40 seats?'],
        ['a', 'Of course, I will have sales email you today.'],
      ],
    });
    await page.goto(`${world.agentAppUrl}?as=${encodeURIComponent(olivia.email)}&view=chats&chat=${chatId}`);
    const endButton = page.locator('#end-chat');
    await endButton.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => endButton.isEnabled()).toBe(true);
    await endButton.click();

    await openActivity();
    const row = runRow(chatId);
    await row.and(settings().locator('[data-status="created"]')).waitFor({ timeout: 15_000 });

    const leads = leadsWithEmail(world, email);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ LastName: 'Okafor', FirstName: 'Amara', Company: 'Unknown (LiveChat)' });
    const link = row.getByTestId('activity-record-link');
    expect(await link.textContent()).toContain('Open in Salesforce');
    await expectRecordLink(link, chatId, String(leads[0]!.Id));
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await row.getByTestId('activity-status').textContent()).toBe('Created');
    expect(await row.getByTestId('activity-retry').count()).toBe(0);
    // The row names the chat by its visitor, and the owner can find it by them.
    expect(await row.getByTestId('activity-chat-link').textContent()).toBe('Amara Okafor');
    expect(await row.getByTestId('activity-visitor').textContent()).toBe(email);
    // Typed as a person types: the list is asked once typing pauses, not at every letter.
    const searches: string[] = [];
    const onRequest = (request: { url(): string }) => {
      const visitor = new URL(request.url()).searchParams.get('visitor');
      if (request.url().includes('/api/settings/activity') && visitor !== null) searches.push(visitor);
    };
    page.on('request', onRequest);
    await settings().getByTestId('activity-filter-visitor').pressSequentially('okafor', { delay: 30 });
    await expect.poll(() => searches.includes('okafor')).toBe(true);
    page.off('request', onRequest);
    expect(searches.filter((visitor) => visitor !== 'okafor')).toEqual([]);
    await expect.poll(() => settings().getByTestId('activity-run').count()).toBe(1);
    await shot('automation-activity-search.png');
    await settings().getByTestId('activity-filter-visitor').fill('');

    // The chat's link opens it in LiveChat: here, the demo's Agent App, on that archived chat.
    const chatLink = row.getByTestId('activity-chat-link');
    const [run] = await runsOf(world, chatId);
    expect(await chatLink.getAttribute('href')).toBe(
      `${new URL(world.agentAppUrl).origin}/archives/${encodeURIComponent(run!.threadId!)}`,
    );
    const [opened] = await Promise.all([page.context().waitForEvent('page'), chatLink.click()]);
    await opened.waitForURL(/\/agent-app\?/);
    await expect
      .poll(() =>
        opened.evaluate(
          () => (window as unknown as { __agentApp: { selectedKey: string | null } }).__agentApp.selectedKey,
        ),
      )
      .toBe(`${chatId}/${run!.threadId}`);
    expect(await opened.locator('#chat-title').textContent()).toContain('Amara Okafor');
    await opened.screenshot({ path: path.join(screenshotDir, 'automation-activity-chat-opened.png') });
    await opened.close();

    // A visitor who is already a Lead: the run links to that Lead, and the list shows it by itself.
    const known = demoVisitors.existingLead;
    const maria = endNewChat(world, { name: known.name, email: known.email });
    const linked = runRow(maria.chatId).and(settings().locator('[data-status="linked"]'));
    await linked.waitFor({ timeout: 15_000 });
    const existing = leadsWithEmail(world, known.email);
    expect(existing).toHaveLength(1);
    await expectRecordLink(linked.getByTestId('activity-record-link'), maria.chatId, String(existing[0]!.Id));
  });

  it('shows a failed run with its reason, filters by status, and Retry creates the Lead once fixed', async () => {
    const owner = world.tokenFor(olivia.email);
    const accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
    const { mappings } = await world.call(owner, endpoints.listMappings, { params: { id: accountId } });
    const lead = mappings.find((m) => m.objectName === 'Lead')!;
    const { id, accountId: _a, objectLabel: _l, createdAt: _c, updatedAt: _u, ...mapping } = lead;
    const withCompany = (company: FieldMapping) => ({
      ...mapping,
      fields: mapping.fields.map((f) => (f.field === 'Company' ? company : f)),
    });
    await world.call(owner, endpoints.updateMapping, {
      params: { mappingId: id },
      body: withCompany({ entryType: 'dynamic', field: 'Company', source: 'prechat:Company' }),
    });

    const email = 'lars.holm@example.dk';
    const ended = endNewChat(world, { name: 'Lars Holm', email });
    await eventually(async () => expect((await runsOf(world, ended.chatId))[0]?.status).toBe('failed'));

    // Both outcomes side by side.
    await settings().getByTestId('activity-refresh').click();
    const row = runRow(ended.chatId);
    await row.and(settings().locator('[data-status="failed"]')).waitFor({ timeout: 10_000 });
    expect(await settings().getByTestId('activity-run').count()).toBe(3);
    expect(await row.getByTestId('activity-error').textContent()).toMatch(/Company/);
    expect(await row.getByTestId('activity-error-fields').textContent()).toContain('Company');
    expect(await row.getByTestId('activity-status').textContent()).toBe('Failed');
    await shot('automation-activity.png');

    // The status filter is a searchable select.
    await settings().getByTestId('activity-filter-status').click();
    await settings().getByRole('textbox').first().fill('fail');
    await settings()
      .getByRole('option', { name: /Failed/ })
      .click();
    await expect.poll(() => settings().getByTestId('activity-run').count(), { timeout: 10_000 }).toBe(1);
    expect(await settings().getByTestId('activity-run').first().getAttribute('data-chat-id')).toBe(
      ended.chatId,
    );
    await shot('automation-activity-failed.png');
    await settings().getByTestId('activity-clear-filters').click();
    await expect.poll(() => settings().getByTestId('activity-run').count(), { timeout: 10_000 }).toBe(3);

    // The owner fixes the mapping and retries: the run is queued at once, then the Lead is created.
    await world.call(owner, endpoints.updateMapping, {
      params: { mappingId: id },
      body: withCompany({ entryType: 'static', field: 'Company', value: 'Holm ApS' }),
    });
    await row.getByTestId('activity-retry').click();
    await row.and(settings().locator('[data-status="created"]')).waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('activity-retry').count()).toBe(0);
    const created = leadsWithEmail(world, email);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ Company: 'Holm ApS' });
    await expectRecordLink(row.getByTestId('activity-record-link'), ended.chatId, String(created[0]!.Id));
    expect(world.salesforce.admin.findRecords(DEMO_ORG, 'Lead', { Email: email })).toHaveLength(1);
    await shot('automation-activity-retried.png');
    expect(errors).toEqual([]);
  });
});
