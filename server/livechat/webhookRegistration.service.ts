import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import {
  LiveChatError,
  type LiveChatClient,
  type LiveChatWebhook,
  type PersonalAccessToken,
} from './livechat.client';
import {
  addRegistration,
  currentRegistrations,
  retireRegistrations,
  withRegistrationLock,
  type WebhookRegistrationRow,
} from './webhookRegistrations.repo';

/**
 * The LiveChat events the app needs: ended chats (automation), and the custom variables of live
 * chats, captured before they expire with the visitor's session.
 */
export const WEBHOOK_ACTIONS = [
  'chat_deactivated',
  'incoming_chat',
  'customer_session_fields_updated',
] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];
const DESCRIPTIONS: Record<WebhookAction, string> = {
  chat_deactivated: 'Salesforce for LiveChat: create records after chats end',
  incoming_chat: 'Salesforce for LiveChat: keep the custom variables of new chats',
  customer_session_fields_updated: 'Salesforce for LiveChat: keep custom variables set during chats',
};

export type WebhookRegistration = ReturnType<typeof createWebhookRegistration>;
type Tx = Parameters<Parameters<typeof withRegistrationLock>[1]>[0];

/**
 * The app's license webhook, as LiveChat documents it (Configuration API v3.5 › Webhooks): the app's
 * author registers it once for the app's client id, with the author's own credentials (a personal
 * access token with `webhooks.configuration:rw`), and it then reaches every license that installs
 * the app. Licenses never register anything; they only switch their copy on or off.
 *
 * Each registration has a secret of its own (random, stored encrypted, never derived from the
 * encryption key), so rotating the encryption key changes no secret, and a rotation of the secret is
 * a new registration: registered first, the old one unregistered after, both accepted in between.
 */
export function createWebhookRegistration(deps: {
  db: Database;
  livechat: LiveChatClient;
  secretBox: SecretBox;
  /** Where LiveChat sends the webhook: `${PUBLIC_URL}/webhooks/livechat`. */
  url: string;
  author: PersonalAccessToken | undefined;
  clock: Clock;
  logger: Logger;
  /** Called after the registrations changed (the secrets cache reads them again). */
  onChange?: () => void;
}) {
  const log = deps.logger.child({ module: 'webhook-registration' });

  function authorOrThrow(): PersonalAccessToken {
    if (!deps.author) {
      throw new Error(
        'LIVECHAT_AUTHOR_PAT is not set: the app author’s personal access token registers the webhook',
      );
    }
    return deps.author;
  }

  /** Our registrations at LiveChat, by action: the same URL, for our client id. */
  async function atLiveChat(author: PersonalAccessToken) {
    const all = await deps.livechat.listWebhooks(author);
    return (action: WebhookAction) => all.filter((w) => w.url === deps.url && w.action === action);
  }

  async function register(
    tx: Tx,
    author: PersonalAccessToken,
    action: WebhookAction,
    strangers: string[],
  ): Promise<WebhookRegistrationRow> {
    const secret = randomBytes(32).toString('base64url');
    const once = () =>
      deps.livechat.registerWebhook(author, {
        url: deps.url,
        action,
        secretKey: secret,
        description: DESCRIPTIONS[action],
      });
    // Three webhooks per action and client id (Register Webhook): when the slots are taken by
    // registrations whose secret we do not know, those go first.
    const { id } = await once().catch(async (error: unknown) => {
      if (!(error instanceof LiveChatError) || error.type !== 'limit_reached') throw error;
      for (const stranger of strangers) await unregister(author, stranger);
      strangers.length = 0;
      return once();
    });
    log.debug({ webhookId: id, action }, 'webhook registered');
    return addRegistration(tx, {
      webhookId: id,
      url: deps.url,
      action,
      secretEnc: deps.secretBox.encrypt(secret),
      createdAt: deps.clock.now(),
    });
  }

  async function unregister(author: PersonalAccessToken, webhookId: string): Promise<void> {
    await deps.livechat.unregisterWebhook(author, webhookId).catch((error: unknown) => {
      if (!(error instanceof LiveChatError) || error.type !== 'not_found') throw error;
    });
  }

  /**
   * Makes sure exactly one registration of ours per action is at LiveChat, idempotently: kept when
   * LiveChat and our database agree, registered when none is, and finishing a rotation that stopped
   * half-way. Registrations at our URL whose secret we do not know are unregistered once ours is in place.
   */
  async function ensure(): Promise<Record<WebhookAction, { webhookId: string; registered: boolean }>> {
    const author = authorOrThrow();
    const result = await withRegistrationLock(deps.db, async (tx) => {
      const remoteOf = await atLiveChat(author);
      const out = {} as Record<WebhookAction, { webhookId: string; registered: boolean }>;
      for (const action of WEBHOOK_ACTIONS)
        out[action] = await ensureOne(tx, author, action, remoteOf(action));
      return out;
    });
    deps.onChange?.();
    return result;
  }

  async function ensureOne(
    tx: Tx,
    author: PersonalAccessToken,
    action: WebhookAction,
    remote: LiveChatWebhook[],
  ): Promise<{ webhookId: string; registered: boolean }> {
    const remoteIds = new Set(remote.map((w) => w.id));
    const known = await currentRegistrations(tx, deps.url, action);
    const gone = known.filter((r) => !remoteIds.has(r.webhookId)).map((r) => r.webhookId);
    if (gone.length > 0) log.warn({ gone, action }, 'webhook registrations were removed at LiveChat');
    await retireRegistrations(tx, gone, deps.clock.now());
    const kept = known.filter((r) => remoteIds.has(r.webhookId));
    const strangers = remote.filter((w) => !known.some((r) => r.webhookId === w.id)).map((w) => w.id);

    const newest = kept.at(-1) ?? (await register(tx, author, action, strangers));
    for (const older of kept.slice(0, -1)) await retire(tx, author, older.webhookId);
    for (const stranger of strangers) await unregister(author, stranger);
    return { webhookId: newest.webhookId, registered: kept.length === 0 };
  }

  async function retire(tx: Tx, author: PersonalAccessToken, webhookId: string): Promise<void> {
    await unregister(author, webhookId);
    await retireRegistrations(tx, [webhookId], deps.clock.now());
    log.info({ webhookId }, 'webhook registration retired');
  }

  /**
   * New secrets without losing a delivery: for each action the new registration first (from then
   * on LiveChat sends each event to both, and the copy is stored once), then the old ones are
   * unregistered. Deliveries of the old ones still being retried keep being accepted for the grace
   * period (webhookSecrets).
   */
  async function rotate(): Promise<Record<WebhookAction, { webhookId: string; retired: string[] }>> {
    const author = authorOrThrow();
    const result = await withRegistrationLock(deps.db, async (tx) => {
      const out = {} as Record<WebhookAction, { webhookId: string; retired: string[] }>;
      for (const action of WEBHOOK_ACTIONS) {
        const old = await currentRegistrations(tx, deps.url, action);
        const fresh = await register(tx, author, action, []);
        for (const row of old) await retire(tx, author, row.webhookId);
        out[action] = { webhookId: fresh.webhookId, retired: old.map((r) => r.webhookId) };
      }
      return out;
    });
    deps.onChange?.();
    return result;
  }

  return { ensure, rotate, configured: deps.author !== undefined };
}
