import type { Logger } from 'pino';
import type { WebhookRegistration } from './webhookRegistration.service';

const RETRY_MS = 5 * 60_000;

/**
 * The start-up step that makes sure the app's webhook is registered (idempotent, under a lock, so
 * every process may run it). A LiveChat that cannot be reached does not stop the app from starting:
 * the step is tried again every five minutes until it succeeds.
 */
export async function keepWebhookRegistered(
  registration: WebhookRegistration,
  logger: Logger,
): Promise<{ stop(): void }> {
  const log = logger.child({ module: 'webhook-registration' });
  if (!registration.configured) {
    log.warn(
      'LIVECHAT_AUTHOR_PAT is not set: the ended-chat webhook is not registered, automation gets no chats',
    );
    return { stop() {} };
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (): Promise<void> => {
    try {
      const result = await registration.ensure();
      const registered = Object.entries(result)
        .filter(([, r]) => r.registered)
        .map(([action]) => action);
      log.info(
        { registered },
        registered.length > 0 ? 'LiveChat webhooks registered' : 'LiveChat webhooks in place',
      );
    } catch (error) {
      log.warn({ err: error }, 'could not check the webhooks at LiveChat; trying again in 5 minutes');
      if (!stopped) timer = setTimeout(() => void attempt(), RETRY_MS).unref();
    }
  };
  await attempt();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
