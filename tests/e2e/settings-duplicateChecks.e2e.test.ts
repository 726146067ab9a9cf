import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLicense } from '../../emulators/demo/people';
import { DEMO_ORG, endNewChat } from '../support/automation';
import { chromiumOrExplain } from '../support/browser';
import { openSettingsAs, screenshot, withBrowserWorld } from '../support/e2e';
import type { World } from '../support/world';
import { olivia } from '../support/factories/people';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)(
  'Settings → how an account’s "link" mappings find existing records (Chromium)',
  () => {
    let world!: World;
    let browser!: Browser;
    withBrowserWorld(chromiumPath, (w, b) => {
      world = w;
      browser = b;
    });

    /** One ended chat, processed as the worker would (this world runs none). */
    async function runAutomation(email: string) {
      const ended = endNewChat(world, { name: 'Tile Visitor', email });
      await world.livechat.admin.waitForDeliveries();
      await world.app.services.chatProcessor.process({
        licenseId: demoLicense.organizationId,
        chatId: ended.chatId,
        threadId: ended.threadId,
      });
    }

    async function leadLine(name: string) {
      const { page, settings, errors } = await openSettingsAs(browser, world, olivia.email);
      const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
      await tile.waitFor({ timeout: 20_000 });
      const line = tile.getByTestId('account-duplicate-check-Lead');
      await line.waitFor();
      await line.scrollIntoViewIfNeeded();
      await screenshot(page, name);
      const text = (await line.textContent()) ?? '';
      expect(errors).toEqual([]);
      await page.close();
      return text;
    }

    it('says the org’s duplicate rule finds them (one call a chat), or that they are searched first (two)', async () => {
      expect(await leadLine('settings-duplicate-checks-unknown.png')).toBe(
        'Lead: read from the org’s duplicate rules at the first automatic run',
      );

      await runAutomation('tile.one@example.com');
      expect(await leadLine('settings-duplicate-checks-rules.png')).toBe(
        'Lead: found by the org’s duplicate rule Standard_Lead_Duplicate_Rule as each record is created · 1 Salesforce call a chat',
      );

      // The org switches its Lead rule off; the next run after the cached rules' 15 minutes reads it.
      world.salesforce.admin.updateSettings(DEMO_ORG, { duplicateRules: { Lead: 'off', Contact: 'alert' } });
      await world.app.db
        .$executeRaw`UPDATE salesforce_describe_cache SET fetched_at = fetched_at - interval '1 day' WHERE object_name LIKE '$duplicates:%'`;
      await runAutomation('tile.two@example.com');
      expect(await leadLine('settings-duplicate-checks-search.png')).toBe(
        'Lead: searched by Email before each record is created · 2 Salesforce calls a chat; an active duplicate rule on Lead that matches Email and alerts or blocks would save one',
      );
    });
  },
);
