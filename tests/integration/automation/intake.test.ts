import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatEndedIntake } from '../../../server/automation/webhookEvents.repo';
import { createEmptyDatabase } from '../../support/database';
import { demoLicense, nora } from '../../support/factories/people';
import { startWireCounter, type WireCounter } from '../../support/pgWire';
import { startWorld, type World } from '../../support/world';

/**
 * The ended-chat webhook's intake, seen from PostgreSQL: the app runs web-only (no worker in the
 * process) on a database behind a proxy that reads every connection's traffic on the wire.
 */
let world: World;
let wire: WireCounter;
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let hook: { webhook_id: string; secret_key: string };

beforeAll(async () => {
  database = await createEmptyDatabase('intake');
  wire = await startWireCounter(database.url);
  world = await startWorld({ seed: true, worker: false, databaseUrl: wire.url });
  const registration = world.livechat.admin.webhooks().find((w) => w.action === 'chat_deactivated')!;
  hook = { webhook_id: registration.id, secret_key: registration.secret_key };
}, 120_000);
afterAll(async () => {
  await world?.close();
  await wire?.close();
  await database?.drop();
});

/** An archived chat of the demo license (LiveChat fires nothing for it: the test delivers). */
const archivedChat = (name: string) =>
  world.livechat.admin.createChat(demoLicense.licenseId, {
    visitor: { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.com` },
    agentEmail: nora.email,
    active: false,
  });

const deliver = (
  chat: { chatId: string; threadId: string },
  organization: string = demoLicense.organizationId,
) =>
  fetch(`${world.appUrl}/webhooks/livechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...hook,
      action: 'chat_deactivated',
      organization_id: organization,
      payload: { chat_id: chat.chatId, thread_id: chat.threadId },
      additional_data: {},
    }),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as { stored?: boolean } }));

const jobsFor = async (chatId: string) =>
  Number(
    (
      await world.app.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job WHERE name = 'chat-ended' AND data->>'chatId' = ${chatId}`
    )[0]!.n,
  );

/** The traffic of everything but pg-boss's own connections (its maintenance runs on a timer). */
const appTraffic = () => wire.traffic().filter((c) => !c.application.startsWith('pgboss'));

describe('the ended-chat webhook, seen from PostgreSQL', () => {
  it('stores the event and queues its job in one transaction: five statements in one round trip, nothing else', async () => {
    expect((await deliver(archivedChat('Warm Up'))).body.stored).toBe(true); // connections opened
    const chats = ['Ada One', 'Ben Two', 'Cleo Three'].map(archivedChat);
    wire.reset();
    for (const chat of chats)
      expect(await deliver(chat)).toEqual({ status: 200, body: { ok: true, stored: true } });

    const traffic = appTraffic();
    expect(traffic.map((c) => c.application)).toEqual(traffic.map(() => 'sfl-webhooks'));
    const statements = traffic.flatMap((c) => c.statements);
    expect(statements).toHaveLength(5 * chats.length);
    expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(chats.length);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(chats.length);
    expect(statements.filter((s) => /INSERT INTO webhook_events/.test(s))).toHaveLength(chats.length);
    expect(statements.filter((s) => /INSERT INTO pgboss\./.test(s))).toHaveLength(chats.length);
    expect(statements.filter((s) => /pg_current_xact_id/.test(s))).toHaveLength(chats.length);
    expect(traffic.reduce((n, c) => n + c.roundTrips, 0)).toBe(chats.length);
    for (const chat of chats) {
      expect(await jobsFor(chat.chatId)).toBe(1);
      const event = await world.app.db.webhookEvent.findFirstOrThrow({ where: { chatId: chat.chatId } });
      expect(event.enqueuedAt).not.toBeNull();
    }
  });

  it('stores and queues a chat delivered many times at once exactly once, whoever answers first', async () => {
    const chat = archivedChat('Dora Many');
    const answers = await Promise.all(Array.from({ length: 12 }, () => deliver(chat)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.stored)).toHaveLength(1);
    expect(await world.app.db.webhookEvent.count({ where: { chatId: chat.chatId } })).toBe(1);
    expect(await jobsFor(chat.chatId)).toBe(1);
  });

  it('acknowledges a redelivery in one round trip and leaves no second job (the guard rolls it back)', async () => {
    const chat = archivedChat('Eve Again');
    await deliver(chat);
    wire.reset();
    expect(await deliver(chat)).toEqual({ status: 200, body: { ok: true, stored: false } });
    const traffic = appTraffic();
    expect(traffic.reduce((n, c) => n + c.roundTrips, 0)).toBe(1);
    expect(await jobsFor(chat.chatId)).toBe(1);
    // The connection is fine afterwards: the next chat is stored and queued on it.
    const next = archivedChat('Eve Next');
    expect((await deliver(next)).body.stored).toBe(true);
    expect(await jobsFor(next.chatId)).toBe(1);
  });

  it('stores nothing and queues nothing for a license that has not installed the app', async () => {
    const chat = archivedChat('Finn Stranger');
    const answer = await deliver(chat, 'a-license-without-installation');
    expect(answer).toEqual({ status: 200, body: { ok: true, stored: false } });
    expect(await world.app.db.webhookEvent.count({ where: { chatId: chat.chatId } })).toBe(0);
    expect(await jobsFor(chat.chatId)).toBe(0);
  });

  it('keeps no event whose job could not be queued, so LiveChat delivers it again', async () => {
    const intake = createChatEndedIntake(database.url);
    try {
      const key = { licenseId: demoLicense.organizationId, chatId: 'NOJOB00001', threadId: 'T1' };
      const failing = intake.storeAndEnqueue(key, { action: 'chat_deactivated' }, async (tx) => {
        await tx.executeSql('SELECT 1 / 0');
      });
      await expect(failing).rejects.toThrow(/division by zero/);
      expect(await world.app.db.webhookEvent.count({ where: { chatId: key.chatId } })).toBe(0);
      // The connection is usable again, and the same event stores now.
      const stored = await intake.storeAndEnqueue(key, { action: 'chat_deactivated' }, async () => {});
      expect(stored).toBe('stored');
      expect(await world.app.db.webhookEvent.count({ where: { chatId: key.chatId } })).toBe(1);
    } finally {
      await intake.close();
    }
  });
});
