import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/automation';
import { buildConfig } from '../../support/config';
import { createEmptyDatabase } from '../../support/database';
import { runAppCommand } from '../../support/workerProcess';
import { startWorld, type World } from '../../support/world';
import { demoLicense, olivia } from '../../support/factories/people';

let world: World;
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
const encryptionKey = buildConfig().encryption.key!;

beforeAll(async () => {
  database = await createEmptyDatabase('webhook_command');
  world = await startWorld({ seed: true, worker: false, databaseUrl: database.url });
});
afterAll(async () => {
  await world?.close();
  await database?.drop();
});

const ours = (action: string) =>
  world.livechat.admin
    .webhooks()
    .filter((w) => w.url === `${world.appUrl}/webhooks/livechat` && w.action === action);

describe('npm run livechat:webhooks', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    runAppCommand(world, database.url, encryptionKey, 'server/livechat/webhookCommand.ts', args, env);

  it('rotates every webhook’s secret from another process, and the running app accepts the new ones', async () => {
    const pat = world.livechat.admin.issuePersonalAccessToken(olivia.email, ['webhooks.configuration:rw']);
    const before = ours('chat_deactivated')[0]!;
    const { code, output } = await run(['rotate'], { LIVECHAT_AUTHOR_PAT: `${pat.accountId}:${pat.token}` });
    expect(code, output).toBe(0);
    const after = ours('chat_deactivated');
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before.id);
    expect(after[0]!.secret_key).not.toBe(before.secret_key);
    expect(output).not.toContain(after[0]!.secret_key);

    // The app learns of the new registration from the first delivery that names it.
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Rita Rotate', email: 'rita@example.org' },
      agentEmail: olivia.email,
    });
    world.livechat.admin.endChat(demoLicense.licenseId, chatId, { userId: olivia.email });
    await eventually(async () =>
      expect(await world.app.db.webhookEvent.count({ where: { chatId } })).toBe(1),
    );
  });

  it('says in one sentence what is missing without the author’s token, and exits non-zero', async () => {
    const { code, output } = await run(['check']);
    expect(code).not.toBe(0);
    expect(output).toContain('LIVECHAT_AUTHOR_PAT is not set');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
