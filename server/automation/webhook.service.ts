import type { Logger } from 'pino';
import type { ChatDeactivatedWebhook } from '../../src/api/automation';
import type { Database } from '../db/prisma';
import type { Prisma } from '../db/generated/client';
import { unauthorized } from '../http/appError';
import type { JobQueue } from './queue';
import type { WebhookSecrets } from './webhookSecrets';

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
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'webhooks' });

  async function receive(webhook: ChatDeactivatedWebhook): Promise<{ stored: boolean }> {
    if (!(await deps.secrets.verify(webhook.webhook_id, webhook.secret_key))) {
      throw unauthorized('The webhook secret does not match.');
    }
    if (webhook.action !== 'chat_deactivated') return { stored: false };
    // The app's webhook reaches every license that installed it from the Marketplace, also those
    // whose owner has not opened the settings yet: without an installation there is nothing to do
    // (no token, no mappings), and the delivery is acknowledged so LiveChat does not retry it.
    const installation = await deps.db.liveChatInstallation.findUnique({
      where: { licenseId: webhook.organization_id },
      select: { licenseId: true },
    });
    if (!installation) {
      log.info({ license: webhook.organization_id }, 'ended chat of a license without installation; ignored');
      return { stored: false };
    }

    const key = {
      licenseId: webhook.organization_id,
      chatId: webhook.payload.chat_id,
      threadId: webhook.payload.thread_id,
    };
    const { secret_key: _secret, ...withoutSecret } = webhook;
    const inserted = await deps.db.webhookEvent.createMany({
      data: [{ ...key, action: webhook.action, payload: withoutSecret as unknown as Prisma.InputJsonValue }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) {
      log.info(key, 'webhook redelivered; already stored');
      return { stored: false };
    }
    await enqueue(key).catch((error: unknown) =>
      log.warn({ err: error, ...key }, 'queueing failed; the worker will pick the event up'),
    );
    return { stored: true };
  }

  async function enqueue(key: { licenseId: string; chatId: string; threadId: string }) {
    if (!deps.queue) return; // stored; a worker queues it when it starts
    await deps.queue.enqueueChat(key);
    await deps.db.webhookEvent.updateMany({
      where: { ...key, action: 'chat_deactivated' },
      data: { enqueuedAt: new Date() },
    });
  }

  /** Queues stored events that have no job (queueing failed, or their job gave up): all of them. */
  async function enqueuePending(): Promise<number> {
    let total = 0;
    for (;;) {
      const pending = await deps.db.webhookEvent.findMany({ where: { enqueuedAt: null }, take: 500 });
      for (const event of pending) await enqueue(event);
      total += pending.length;
      if (pending.length < 500 || !deps.queue) return total;
    }
  }

  /** A chat whose job gave up before any run existed: the next sweep queues it again. */
  async function requeueLater(key: { licenseId: string; chatId: string; threadId: string }): Promise<void> {
    await deps.db.webhookEvent.updateMany({
      where: { ...key, action: 'chat_deactivated' },
      data: { enqueuedAt: null },
    });
  }

  return { receive, enqueuePending, requeueLater };
}
