import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  demoClient,
  type Chat,
  type ListArchivesResponse,
  type WebhookEnvelope,
} from '../../../emulators/livechat';
import { action, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';
import { demoLicense, nora, otherLicense } from '../../support/factories/people';

/** A local receiver that answers 500 to the first `failFirst` deliveries. */
function receiver() {
  const received: WebhookEnvelope[] = [];
  let failFirst = 0;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(data) as WebhookEnvelope);
      if (failFirst > 0) {
        failFirst--;
        res.writeHead(500).end('nope');
      } else res.writeHead(200).end('ok');
    });
  });
  return {
    received,
    failNext(n: number) {
      failFirst = n;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/livechat`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let lc: Started;
let hook: ReturnType<typeof receiver>;
let hookUrl: string;
let owner: string;
beforeAll(async () => {
  lc = await startEmulator();
  hook = receiver();
  hookUrl = await hook.start();
  owner = lc.tokenFor(demoOwner);
});
afterAll(async () => {
  await lc.close();
  await hook.close();
});
beforeEach(() => {
  lc.emulator.admin.reset();
  owner = lc.tokenFor(demoOwner);
  hook.received.length = 0;
  hook.failNext(0);
});

async function register(extra: Record<string, unknown> = {}) {
  const res = await action<{ id: string }>(lc.url, 'configuration', 'register_webhook', owner, {
    url: hookUrl,
    action: 'chat_deactivated',
    secret_key: 'sekret-123',
    owner_client_id: demoClient.clientId,
    type: 'license',
    ...extra,
  });
  return res.body.id;
}

const activeChat = (licenseId: number) => {
  const chat = lc.emulator.admin.chats(licenseId, { active: true })[0];
  if (!chat) throw new Error('no active chat');
  return chat;
};

describe('chat_deactivated webhooks', () => {
  it('delivers the envelope with the secret when a chat ends, and the chat moves to Archives', async () => {
    const webhookId = await register({ additional_data: ['chat_properties', 'chat_presence_user_ids'] });
    const chat = activeChat(demoLicense.licenseId);
    const threadId = chat.threads.at(-1)?.id;
    const ended = lc.emulator.admin.endChat(demoLicense.licenseId, chat.id, {
      userId: nora.email,
    });
    expect(ended).toEqual({ chatId: chat.id, threadId, userId: nora.email });
    await lc.emulator.admin.waitForDeliveries();

    expect(hook.received).toEqual([
      {
        webhook_id: webhookId,
        secret_key: 'sekret-123',
        action: 'chat_deactivated',
        organization_id: demoLicense.organizationId,
        payload: { chat_id: chat.id, thread_id: threadId, user_id: nora.email },
        additional_data: {
          chat_properties: chat.properties,
          chat_presence_user_ids: [chat.customer.id, ...chat.agentIds],
        },
      },
    ]);
    const [delivery] = lc.emulator.admin.deliveries();
    expect(delivery).toMatchObject({ state: 'delivered', url: hookUrl, attempts: [{ status: 200 }] });

    const got = await action<Chat>(lc.url, 'agent', 'get_chat', owner, {
      chat_id: chat.id,
      thread_id: threadId,
    });
    expect(got.body.thread.active).toBe(false);
    const archives = await action<ListArchivesResponse>(lc.url, 'agent', 'list_archives', owner, {
      filters: { thread_ids: [threadId] },
    });
    expect(archives.body.found_chats).toBe(1);
  });

  it('sends additional_data {} when none was requested, and no user_id when the system closed it', async () => {
    await register();
    const chat = activeChat(demoLicense.licenseId);
    lc.emulator.admin.endChat(demoLicense.licenseId, chat.id);
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received[0]?.additional_data).toEqual({});
    expect(hook.received[0]?.payload).not.toHaveProperty('user_id');
  });

  it('retries failed deliveries with backoff until one succeeds', async () => {
    await register();
    hook.failNext(2);
    lc.emulator.admin.endChat(demoLicense.licenseId, activeChat(demoLicense.licenseId).id);
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => JSON.stringify(r))).size).toBe(1);
    const [delivery] = lc.emulator.admin.deliveries();
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('gives up after 3 retries, and logs network errors', async () => {
    await register();
    await register({ url: 'http://127.0.0.1:9/unreachable' });
    hook.failNext(10);
    lc.emulator.admin.endChat(demoLicense.licenseId, activeChat(demoLicense.licenseId).id);
    await lc.emulator.admin.waitForDeliveries();
    const [failing, unreachable] = lc.emulator.admin.deliveries();
    expect(failing?.state).toBe('failed');
    expect(failing?.attempts).toHaveLength(4);
    expect(unreachable?.state).toBe('failed');
    expect(unreachable?.attempts[0]?.error).toEqual(expect.any(String));
  });

  it('sends nothing while the license’s webhooks are disabled, or for other actions', async () => {
    await register({ action: 'incoming_chat' });
    await register();
    await action(lc.url, 'configuration', 'disable_license_webhooks', owner, {});
    lc.emulator.admin.endChat(demoLicense.licenseId, activeChat(demoLicense.licenseId).id);
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toEqual([]);

    // A license that has not installed the app receives none of its webhooks.
    lc.emulator.admin.endChat(otherLicense.licenseId, activeChat(otherLicense.licenseId).id, {
      userId: otherOwnerEmail,
    });
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toEqual([]);

    // Once it installs the app, the same registration serves it, with its own organization id.
    lc.emulator.admin.installApp(otherLicense.licenseId, demoClient.clientId);
    const second = lc.emulator.admin.createChat(otherLicense.licenseId, {
      visitor: { name: 'Second Visitor', email: 'second@customer-of-other.example' },
      agentEmail: otherOwnerEmail,
    });
    lc.emulator.admin.endChat(otherLicense.licenseId, second.chatId, { userId: otherOwnerEmail });
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received.map((r) => [r.action, r.organization_id])).toEqual([
      ['incoming_chat', otherLicense.organizationId],
      ['chat_deactivated', otherLicense.organizationId],
    ]);
  });

  it('ends chats over the admin HTTP API too, and refuses to end an archived chat', async () => {
    await register();
    const chat = activeChat(demoLicense.licenseId);
    const res = await fetch(`${lc.url}/__admin/licenses/${demoLicense.licenseId}/chats/${chat.id}/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: demoOwner }),
    });
    expect(res.status).toBe(200);
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toHaveLength(1);
    const again = await fetch(`${lc.url}/__admin/licenses/${demoLicense.licenseId}/chats/${chat.id}/end`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
  });

  it('admin.createChat adds an active chat that can then be ended', async () => {
    await register();
    const { chatId } = lc.emulator.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Bench Visitor', email: 'bench@example.com' },
      sessionFields: { plan: 'bench' },
      prechat: { topic: 'Sales', interests: ['Pricing'] },
      messages: 4,
    });
    lc.emulator.admin.endChat(demoLicense.licenseId, chatId);
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received[0]?.payload.chat_id).toBe(chatId);
    const got = await action<Chat>(lc.url, 'agent', 'get_chat', owner, { chat_id: chatId });
    expect(got.body.users[0]).toMatchObject({ name: 'Bench Visitor', session_fields: [{ plan: 'bench' }] });
  });
});

describe('webhooks of live chats', () => {
  it('sends incoming_chat with the chat and its customer’s session fields when a chat starts', async () => {
    const id = await register({ action: 'incoming_chat' });
    const { chatId, threadId } = lc.emulator.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Ada Start', email: 'ada.start@example.com' },
      sessionFields: { plan: 'pro' },
    });
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received as unknown as {
      webhook_id: string;
      action: string;
      payload: { chat: Chat };
    }[];
    expect(delivery).toMatchObject({ webhook_id: id, action: 'incoming_chat' });
    expect(delivery!.payload.chat).toMatchObject({ id: chatId, thread: { id: threadId, active: true } });
    const customer = delivery!.payload.chat.users.find((u) => u.type === 'customer') as
      { session_fields?: unknown } | undefined;
    expect(customer?.session_fields).toEqual([{ plan: 'pro' }]);
  });

  it('sends customer_session_fields_updated for an active chat only, and the fields expire when the visitor leaves', async () => {
    await register({ action: 'customer_session_fields_updated' });
    const { chatId, threadId } = lc.emulator.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Bo Update' },
      sessionFields: { plan: 'trial' },
    });
    lc.emulator.admin.updateSessionFields(demoLicense.licenseId, chatId, { order: '42' });
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received.map((r) => r.payload)).toEqual([
      {
        id: expect.any(String),
        active_chat: { chat_id: chatId, thread_id: threadId },
        session_fields: [{ plan: 'trial' }, { order: '42' }],
      },
    ]);

    lc.emulator.admin.endChat(demoLicense.licenseId, chatId, { visitorLeft: true });
    lc.emulator.admin.updateSessionFields(demoLicense.licenseId, chatId, { late: 'yes' });
    await lc.emulator.admin.waitForDeliveries();
    expect(hook.received).toHaveLength(1);
    const archived = await action<Chat>(lc.url, 'agent', 'get_chat', owner, { chat_id: chatId });
    const customer = archived.body.users.find((u) => u.type === 'customer') as { session_fields?: unknown };
    // Set again after the chat: a new session, not this chat's.
    expect(customer.session_fields).toEqual([{ late: 'yes' }]);
  });
});
