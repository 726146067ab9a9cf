import { expect } from 'vitest';
import type { World } from './world';
import { demoLicense, nora } from './factories/people';

export const DEMO_ORG = '00D5g0000000001EAA';

/** Polls until `check` passes (or throws its last failure after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

/** A chat on the demo license whose visitor has this email, ended at once (the webhook fires). */
export function endNewChat(
  world: World,
  visitor: { name: string; email?: string },
  extra: Record<string, unknown> = {},
) {
  const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
    visitor,
    agentEmail: nora.email,
    messages: [
      ['c', 'Hello, I would like a quote.'],
      ['a', 'Sure, let me help you.'],
    ],
    ...extra,
  });
  return world.livechat.admin.endChat(demoLicense.licenseId, chatId);
}

export const leadsWithEmail = (world: World, email: string) =>
  world.salesforce.admin.findRecords(DEMO_ORG, 'Lead', { Email: email });

export async function runsOf(world: World, chatId: string) {
  return world.app.db.automationRun.findMany({ where: { chatId } });
}

/** Terminal: nothing left to do for the run. */
export const isDone = (status: string) => ['created', 'linked', 'skipped', 'failed'].includes(status);

/**
 * Waits until the automation queue has nothing left to do (no job created, waiting for a retry or
 * running): the signal that a test may assert that nothing more will happen.
 */
export async function queueIsIdle(world: World, timeoutMs = 20_000): Promise<void> {
  await eventually(
    async () => {
      const [row] = await world.app.db.$queryRaw<{ unsettled: bigint }[]>`
        SELECT count(*) AS unsettled FROM pgboss.job
        WHERE name = 'chat-ended' AND state IN ('created', 'retry', 'active')`;
      expect(Number(row!.unsettled)).toBe(0);
    },
    timeoutMs,
    50,
  );
}
