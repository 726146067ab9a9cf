import type { Logger } from 'pino';
import type { ChatDeactivatedWebhook, LiveChatWebhook } from '../../src/api/automation';
import { sessionFieldsToRecord } from '../../src/chat/fromLiveChat';
import type { Clock } from '../clock';
import { captureSessionFields } from '../chatFields/sessionFields.repo';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { isInstalled } from '../installation/installation.repo';
import type { JobQueue } from './queue';
import type { WebhookSecrets } from './webhookSecrets';
import { markQueued, storeChatEnded, unqueuedEvents, type ChatEndedKey } from './webhookEvents.repo';

export type WebhookService = ReturnType<typeof createWebhookService>;

/**
 * LiveChat's ended-chat webhook: the secret is checked in constant time against the registration
 * the delivery names (`webhook_id`), the event is stored without its secret (a redelivery, or the
 * copy sent to a second registration during a rotation, stores nothing new), then a job is queued. If
 * queueing fails after the event was stored, `enqueuePending` (run at worker start) queues it later,
 * so an acknowledged webhook is never lost.
 */
export function createWebhookService(deps: {
  db: Database;
  secrets: WebhookSecrets;
  queue: JobQueue | undefined;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'webhooks' });

  async function receive(webhook: LiveChatWebhook): Promise<{ stored: boolean }> {
    if (!(await deps.secrets.verify(webhook.webhook_id, webhook.secret_key))) {
      throw errors.unauthorized('The webhook secret does not match.');
    }
    // The app's webhooks reach every license that installed it from the Marketplace, also those
    // whose owner has not opened the settings yet: without an installation there is nothing to do
    // (no token, no mappings), and the delivery is acknowledged so LiveChat does not retry it.
    if (!(await isInstalled(deps.db, webhook.organization_id))) {
      log.info({ license: webhook.organization_id }, 'webhook of a license without installation; ignored');
      return { stored: false };
    }
    if (webhook.action === 'chat_deactivated') return chatEnded(webhook as ChatDeactivatedWebhook);
    const captured = sessionFieldsOf(webhook);
    if (!captured) return { stored: false };
    await captureSessionFields(
      deps.db,
      { licenseId: webhook.organization_id, chatId: captured.chatId },
      captured.fields,
      deps.clock.now(),
    );
    return { stored: Object.keys(captured.fields).length > 0 };
  }

  /**
   * A live chat's custom variables: its customer's session fields when it starts (`incoming_chat`)
   * and when the page changes them (`customer_session_fields_updated`). They expire with the
   * visitor's session (Agent Chat API v3.5 › Customer: "Expires along with the session"), so an
   * archived chat read after the visitor left may no longer carry them: kept here meanwhile.
   */
  function sessionFieldsOf(
    webhook: LiveChatWebhook,
  ): { chatId: string; fields: Record<string, string> } | null {
    if (webhook.action === 'incoming_chat') {
      const { chat } = (webhook as Extract<LiveChatWebhook, { action: 'incoming_chat' }>).payload;
      const customer = chat.users.find((u) => u.type === 'customer');
      return { chatId: chat.id, fields: sessionFieldsToRecord(customer?.session_fields) };
    }
    if (webhook.action === 'customer_session_fields_updated') {
      const { payload } = webhook as Extract<LiveChatWebhook, { action: 'customer_session_fields_updated' }>;
      return { chatId: payload.active_chat.chat_id, fields: sessionFieldsToRecord(payload.session_fields) };
    }
    return null;
  }

  async function chatEnded(webhook: ChatDeactivatedWebhook): Promise<{ stored: boolean }> {
    const key: ChatEndedKey = {
      licenseId: webhook.organization_id,
      chatId: webhook.payload.chat_id,
      threadId: webhook.payload.thread_id,
    };
    const { secret_key: _secret, ...withoutSecret } = webhook;
    if (!(await storeChatEnded(deps.db, key, withoutSecret))) {
      log.info(key, 'webhook redelivered; already stored');
      return { stored: false };
    }
    await enqueue(key).catch((error: unknown) =>
      log.warn({ err: error, ...key }, 'queueing failed; the worker will pick the event up'),
    );
    return { stored: true };
  }

  async function enqueue(key: ChatEndedKey) {
    if (!deps.queue) return; // stored; a worker queues it when it starts
    await deps.queue.enqueueChat(key);
    await markQueued(deps.db, key, new Date());
  }

  /** Queues stored events that have no job (queueing failed, or their job gave up): all of them. */
  async function enqueuePending(): Promise<number> {
    let total = 0;
    for (;;) {
      const pending = await unqueuedEvents(deps.db, 500);
      for (const event of pending) await enqueue(event);
      total += pending.length;
      if (pending.length < 500 || !deps.queue) return total;
    }
  }

  /** A chat whose job gave up before any run existed: the next sweep queues it again. */
  async function requeueLater(key: ChatEndedKey): Promise<void> {
    await markQueued(deps.db, key, null);
  }

  return { receive, enqueuePending, requeueLater };
}
