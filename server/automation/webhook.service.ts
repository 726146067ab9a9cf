import type { Logger } from 'pino';
import type { ChatDeactivatedWebhook } from '../../src/api/automation';
import { secretsEqual, type SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import type { Prisma } from '../db/generated/client';
import { unauthorized } from '../http/appError';
import type { JobQueue } from './queue';

export type WebhookService = ReturnType<typeof createWebhookService>;

/**
 * LiveChat's ended-chat webhook: the secret is checked in constant time against the license's
 * installation, the event is stored (a redelivery stores nothing new), then a job is queued. If
 * queueing fails after the event was stored, `enqueuePending` (run at worker start) queues it later,
 * so an acknowledged webhook is never lost.
 */
export function createWebhookService(deps: {
  db: Database;
  secretBox: SecretBox;
  queue: JobQueue | undefined;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'webhooks' });

  async function receive(webhook: ChatDeactivatedWebhook): Promise<{ stored: boolean }> {
    const installation = await deps.db.liveChatInstallation.findUnique({
      where: { licenseId: webhook.organization_id },
    });
    const expected = installation?.webhookSecretEnc
      ? deps.secretBox.decrypt(installation.webhookSecretEnc)
      : null;
    // Compare even when the license is unknown, so timing says nothing about which licenses exist.
    const matches = secretsEqual(webhook.secret_key, expected ?? 'no-installation');
    if (!installation || !expected || !matches) throw unauthorized('The webhook secret does not match.');
    if (webhook.action !== 'chat_deactivated') return { stored: false };

    const key = {
      licenseId: webhook.organization_id,
      chatId: webhook.payload.chat_id,
      threadId: webhook.payload.thread_id,
    };
    const inserted = await deps.db.webhookEvent.createMany({
      data: [{ ...key, action: webhook.action, payload: webhook as unknown as Prisma.InputJsonValue }],
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
