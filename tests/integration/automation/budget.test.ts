import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG, endNewChat, eventually, leadsWithEmail, runsOf } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { demoLicense, nora, olivia } from '../../support/factories/people';

let world: World;
let accountId: string;

beforeAll(async () => {
  world = await startWorld({ seed: true });
  accountId = (await world.app.db.salesforceAccount.findFirstOrThrow({ where: { label: 'Demo Shop' } })).id;
});
afterAll(async () => {
  await world?.close();
});

const setBudget = (percent: number | null) =>
  world.call(world.tokenFor(olivia.email), endpoints.setAutomationBudget, {
    params: { id: accountId },
    body: { percent },
  });

/** The same request as sent by hand (any value, any agent), for the answers that refuse it. */
const putBudget = (percent: unknown, email = olivia.email) =>
  world.api(world.tokenFor(email), `/api/settings/accounts/${accountId}/automation-budget`, {
    method: 'PUT',
    body: { percent },
  });

/** The agent opens a chat of John Smith's in the widget: a Salesforce call, as agents make all day. */
const agentLooksUpJohn = async () => {
  const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
    visitor: { name: 'John Smith', email: 'john.smith@acme.example' },
    agentEmail: nora.email,
  });
  return world.call(world.tokenFor(nora.email), endpoints.related, { query: { chatId, refresh: '1' } });
};

describe('the automation budget', () => {
  it('answers 400 to a budget that is not a whole percentage from 1 to 100, and 403 to an agent', async () => {
    for (const bad of [0, 101, 12.5, 'twenty']) {
      const res = await putBudget(bad);
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await putBudget(20, nora.email)).status).toBe(403);
  });

  it('shows the org’s usage and ours on the tile, pauses automation above the budget, keeps the widget working, and resumes by itself', async () => {
    world.salesforce.admin.setApiUsage(DEMO_ORG, { used: 900, limit: 1000 });
    const set = await setBudget(50);
    expect(set.account.automationBudgetPercent).toBe(50);

    const ended = endNewChat(world, { name: 'Budget Visitor', email: 'budget.visitor@example.com' });
    const waiting = await eventually(async () => {
      const [run] = await runsOf(world, ended.chatId);
      expect(run?.status).toBe('waiting');
      return run!;
    });
    expect(waiting.errorMessage).toMatch(/used 9\d\d of its 1,000 daily API calls.*up to 50 %/);
    expect(leadsWithEmail(world, 'budget.visitor@example.com')).toEqual([]);

    // Agents keep working above the budget.
    const widget = await agentLooksUpJohn();
    expect(widget.accounts[0]?.state).toBe('ok');

    // The owner sees why, on the tile and in Activity.
    const owner = world.tokenFor(olivia.email);
    const { apiUsage } = (await world.call(owner, endpoints.listAccounts)).accounts[0]!;
    expect(apiUsage?.limit).toBe(1000);
    expect(apiUsage?.used).toBeGreaterThanOrEqual(900);
    expect(apiUsage?.ourCallsToday).toBeGreaterThan(0);
    const activity = await world.call(owner, endpoints.listActivity, { query: { status: 'waiting' } });
    expect(activity.runs[0]?.error).toContain('may use up to 50 %');

    // The org's usage falls (the rolling 24 hours move on); the next answer says so, and the run
    // goes on by itself: no Retry.
    world.salesforce.admin.setApiUsage(DEMO_ORG, { used: 100, limit: 1000 });
    await agentLooksUpJohn();
    await eventually(async () => {
      const [run] = await runsOf(world, ended.chatId);
      expect(run?.status).toBe('created');
    }, 30_000);
    expect(leadsWithEmail(world, 'budget.visitor@example.com')).toHaveLength(1);

    const removed = await setBudget(null);
    expect(removed.account.automationBudgetPercent).toBeNull();
  }, 60_000);
});
