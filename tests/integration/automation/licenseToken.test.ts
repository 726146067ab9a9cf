import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLicense } from '../../../emulators/demo/people';
import { endNewChat, eventually, leadsWithEmail, runsOf } from '../../support/automation';
import { startWorld, type World } from '../../support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: true });
});
afterAll(async () => {
  await world?.close();
});

/** The license's LiveChat token is due: the next chat's job must refresh it first. */
const tokenDue = () =>
  world.app.db.liveChatInstallation.update({
    where: { licenseId: demoLicense.organizationId },
    data: { accessTokenExpiresAt: new Date() },
  });

describe('refreshing the license’s LiveChat token', () => {
  it.each([429, 503] as const)(
    'treats a %s from LiveChat as temporary: the chat is retried and its record created, never "not installed"',
    async (status) => {
      await tokenDue();
      world.livechat.admin.failNextToken(2, status);
      const email = `token.${status}@example.com`;
      const ended = endNewChat(world, { name: `Token Visitor${status}`, email });
      await eventually(async () => {
        const [run] = await runsOf(world, ended.chatId);
        expect(run?.status).toBe('created');
      }, 30_000);
      expect(leadsWithEmail(world, email)).toHaveLength(1);
      const retried = world.logs.filter((l) => l.includes(ended.chatId) && l.includes('retry later'));
      expect(retried.length).toBeGreaterThan(0);
      expect(retried.join('')).not.toContain('not installed');
    },
  );
});
