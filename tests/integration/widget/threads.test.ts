import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLicense } from '../../../emulators/demo/people';
import { endpoints } from '../../../src/api/endpoints';
import { startWorld, type World } from '../../support/world';
import { demoAccountId, john, mappingIdOf, nora } from './support';

/**
 * An archived chat may have several threads, and the Agent App says which one is on screen
 * (customer_profile `chat.id`). get_chat without `thread_id` answers the latest thread, so the
 * widget sends the thread: an older thread shows its own data.
 */
let world: World;
let leadMapping: string;
let chatId: string;
let threads: string[];

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  leadMapping = await mappingIdOf(world, await demoAccountId(world), 'Lead');
  const johns = world.livechat.admin
    .chats(demoLicense.licenseId)
    .find((c) => c.customer.email === john.email && c.threads.length > 2)!;
  chatId = johns.id;
  threads = johns.threads.map((t) => t.id);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function leadDescription(threadId?: string): Promise<string> {
  const { accounts } = await world.call(world.tokenFor(nora.email), endpoints.forms, {
    query: { chatId, mappingId: leadMapping, threadId },
  });
  const fields = accounts[0]!.forms[0]!.fields;
  return String(fields.find((f) => f.name === 'Description')?.value);
}

describe('the thread on screen', () => {
  it('prefills the form from the older thread the agent opened, not from the chat’s latest', async () => {
    expect(await leadDescription(threads[0])).toContain('I was charged twice for invoice INV-2031');
    expect(await leadDescription(threads[0])).not.toContain('Enterprise plan');
    expect(await leadDescription()).toContain('upgrade to the Enterprise plan');
  });

  it('answers 400 to a thread id that is not one', async () => {
    const res = await world.api(
      world.tokenFor(nora.email),
      `/api/widget/related?chatId=${chatId}&threadId=${encodeURIComponent('../x')}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
