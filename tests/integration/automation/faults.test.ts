import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG, endNewChat, eventually, isDone, leadsWithEmail, runsOf } from '../../support/automation';
import { approveSalesforce, relayedCallback } from '../../support/oauth';
import { startWorld, type World } from '../../support/world';
import { olivia } from '../../support/factories/people';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: true });
});
afterAll(async () => {
  await world?.close();
});

describe('when Salesforce misbehaves', () => {
  it.each([
    {
      what: '30 % of requests fail with 503 or REQUEST_LIMIT_EXCEEDED',
      probability: 0.3,
      kind: [503, 'REQUEST_LIMIT_EXCEEDED'] as const,
      seed: 7,
      name: 'Chaos',
      count: 12,
    },
    {
      what: '40 % of requests fail with 500 UNKNOWN_EXCEPTION, a locked row, the concurrent limit or a gateway page',
      probability: 0.4,
      kind: [500, 'UNABLE_TO_LOCK_ROW', 'CONCURRENT_LIMIT', 'HTML_502', 503] as const,
      seed: 11,
      name: 'Storm',
      count: 10,
    },
  ])(
    'creates every record exactly once while $what',
    async ({ probability, kind, seed, name, count }) => {
      world.salesforce.admin.failRate({ probability, kind: [...kind], orgId: DEMO_ORG, seed });
      const retriedBefore = await world.app.db.automationRun.count({ where: { attempts: { gt: 1 } } });
      const visitors = Array.from({ length: count }, (_, i) => ({
        name: `${name} Visitor${i}`,
        email: `${name.toLowerCase()}.${i}@example.com`,
      }));
      const ended = visitors.map((v) => endNewChat(world, v));
      // Every one of these is temporary: none may end as "failed", and no Retry by hand is needed.
      await eventually(
        async () => {
          for (const chat of ended) {
            const runs = await runsOf(world, chat.chatId);
            expect(runs.length).toBe(1);
            expect(runs[0]!.status, runs[0]!.errorMessage ?? '').toBe('created');
          }
        },
        90_000,
        250,
      );
      world.salesforce.admin.clearFaults();
      for (const v of visitors) expect(leadsWithEmail(world, v.email), v.email).toHaveLength(1);
      const refused = world.salesforce.admin.calls(DEMO_ORG, { counted: false }).length;
      expect(refused).toBeGreaterThan(0); // the faults really happened
      const retried = await world.app.db.automationRun.count({ where: { attempts: { gt: 1 } } });
      expect(retried).toBeGreaterThan(retriedBefore);
    },
    120_000,
  );

  it('refreshes an expired access token and creates the record', async () => {
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    const ended = endNewChat(world, { name: 'Expired Token', email: 'expired.token@example.com' });
    await eventually(async () => {
      const [run] = await runsOf(world, ended.chatId);
      expect(run?.status).toBe('created');
    });
    expect(leadsWithEmail(world, 'expired.token@example.com')).toHaveLength(1);
  });

  it('waits while the refresh token is revoked, and finishes after the owner reconnects', async () => {
    world.salesforce.admin.revokeRefreshTokens(DEMO_ORG);
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    const ended = [
      endNewChat(world, { name: 'Waiting One', email: 'waiting.one@example.com' }),
      endNewChat(world, { name: 'Waiting Two', email: 'waiting.two@example.com' }),
    ];
    const owner = world.tokenFor(olivia.email);
    await eventually(async () => {
      for (const chat of ended) expect((await runsOf(world, chat.chatId))[0]?.status).toBe('waiting');
    });
    const activity = await world.call(owner, endpoints.listActivity, { query: { status: 'waiting' } });
    expect(activity.runs[0]?.error).toMatch(/Waiting for “Demo Shop” to be reconnected/);
    const tile = (await world.call(owner, endpoints.listAccounts)).accounts[0]!;
    expect(tile.status).toBe('needs_reconnect');

    const start = await world.call(owner, endpoints.reconnectAccount, { params: { id: tile.id } });
    const callback = await approveSalesforce(start.authorizeUrl, olivia.email);
    await world.call(owner, endpoints.completeSalesforceOAuth, { body: relayedCallback(callback) });
    await eventually(async () => {
      for (const chat of ended) expect((await runsOf(world, chat.chatId))[0]?.status).toBe('created');
    });
    expect(leadsWithEmail(world, 'waiting.one@example.com')).toHaveLength(1);
    expect(leadsWithEmail(world, 'waiting.two@example.com')).toHaveLength(1);
    expect((await runsOf(world, ended[0]!.chatId)).every((r) => isDone(r.status))).toBe(true);
  });
});
