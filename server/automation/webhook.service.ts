import type { Logger } from 'pino';
import type { ChatDeactivatedWebhook, KnownWebhook, WebhookEnvelope } from '../../src/api/automation';
import { sessionFieldsToRecord } from '../../src/chat/fromLiveChat';
import type { Clock } from '../clock';
import { captureSessionFields } from '../chatFields/sessionFields.repo';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { isInstalled } from '../installation/installation.repo';
import type { JobQueue } from './queue';
import type { WebhookSecrets } from './webhookSecrets';
import {
  markQueued,
  storeChatEnded,
  unqueuedEvents,
  type ChatEndedIntake,
  type ChatEndedKey,
} from './webhookEvents.repo';

export type WebhookService = ReturnType<typeof createWebhookService>;

/**
 * LiveChat's ended-chat webhook: the secret is checked in constant time against the registration
 * the delivery names (`webhook_id`), from memory; the event is stored without its secret (a
 * redelivery, or the copy sent to a second registration during a rotation, stores nothing new) and
 * its job queued in the same transaction, one round trip to PostgreSQL in all (`intake`). Without a
 * queue (a process that only stores) the event waits for `enqueuePending` (run by every worker at
 * start and in its sweep), so an acknowledged webhook is never lost.
 */
export function createWebhookService(deps: {
  db: Database;
  secrets: WebhookSecrets;
  queue: JobQueue | undefined;
  /** The one-transaction write (with `queue`); without it events are stored through `db` alone. */
  intake?: ChatEndedIntake;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'webhooks' });

  async function verify(webhook: WebhookEnvelope): Promise<void> {
    if (!(await deps.secrets.verify(webhook.webhook_id, webhook.secret_key))) {
      throw errors.unauthorized('The webhook secret does not match.');
    }
  }

  /** A webhook whose action the app did not register: checked, and acknowledged without more. */
  async function acknowledge(webhook: WebhookEnvelope): Promise<{ stored: boolean }> {
    await verify(webhook);
    return { stored: false };
  }

  // The app's webhooks reach every license that installed it from the Marketplace, also those whose
  // owner has not opened the settings yet: without an installation there is nothing to do (no
  // token, no mappings), and the delivery is acknowledged so LiveChat does not retry it.
  const notInstalled = (licenseId: string) => {
    log.info({ license: licenseId }, 'webhook of a license without installation; ignored');
    return { stored: false };
  };

  async function receive(webhook: KnownWebhook): Promise<{ stored: boolean }> {
    await verify(webhook);
    // The ended chat checks the installation in the same statement that stores it.
    if (webhook.action === 'chat_deactivated') return chatEnded(webhook);
    if (!(await isInstalled(deps.db, webhook.organization_id))) return notInstalled(webhook.organization_id);
    switch (webhook.action) {
      // A live chat's custom variables: its customer's session fields when it starts and when the
      // page changes them. They expire with the visitor's session (Agent Chat API v3.5 › Customer:
      // "Expires along with the session"), so an archived chat read after the visitor left may no
      // longer carry them: kept here meanwhile.
      case 'incoming_chat': {
        const { chat } = webhook.payload;
        const customer = chat.users.find((u) => u.type === 'customer');
        return captured(webhook.organization_id, chat.id, customer?.session_fields);
      }
      case 'customer_session_fields_updated':
        return captured(
          webhook.organization_id,
          webhook.payload.active_chat.chat_id,
          webhook.payload.session_fields,
        );
    }
  }

  async function captured(
    licenseId: string,
    chatId: string,
    sessionFields: readonly Record<string, unknown>[] | null | undefined,
  ): Promise<{ stored: boolean }> {
    const fields = sessionFieldsToRecord(sessionFields);
    await captureSessionFields(deps.db, { licenseId, chatId }, fields, deps.clock.now());
    return { stored: Object.keys(fields).length > 0 };
  }

  async function chatEnded(webhook: ChatDeactivatedWebhook): Promise<{ stored: boolean }> {
    const key: ChatEndedKey = {
      licenseId: webhook.organization_id,
      chatId: webhook.payload.chat_id,
      threadId: webhook.payload.thread_id,
    };
    const { secret_key: _secret, ...withoutSecret } = webhook;
    const { queue, intake } = deps;
    if (queue && intake) {
      const outcome = await intake.storeAndEnqueue(key, withoutSecret, (tx) =>
        queue.enqueueChatWith(tx, key),
      );
      if (outcome === 'not_installed') return notInstalled(key.licenseId);
      if (outcome === 'redelivered') log.info(key, 'webhook redelivered; already stored');
      return { stored: outcome === 'stored' };
    }
    if (!(await isInstalled(deps.db, key.licenseId))) return notInstalled(key.licenseId);
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

  return { receive, acknowledge, enqueuePending, requeueLater };
}
