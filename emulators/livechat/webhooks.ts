/**
 * License webhooks (§3): registrations per owner client id, the per-license on/off state, and delivery of the
 * real envelope (`webhook_id`, `secret_key`, `action`, `organization_id`, `payload`, `additional_data`) with
 * retries on non-2xx or network errors. Every delivery is logged.
 */
import type { License, StoredChat } from './model';
import type { IdGenerator } from './ids';
import type { WebhookEnvelope, WebhookWire } from './wire';

export interface WebhookDeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  id: number;
  webhookId: string;
  url: string;
  action: string;
  licenseId: number;
  body: WebhookEnvelope;
  attempts: WebhookDeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
}

export interface WebhookOptions {
  /** Waits before each retry; its length is the number of retries (default 3 retries in about a minute). */
  retryDelaysMs?: number[];
  /** Time to answer one delivery (default 10 s). */
  timeoutMs?: number;
}

export type RegisterWebhookInput = Omit<WebhookWire, 'id'>;

export interface WebhookService {
  register(input: RegisterWebhookInput): WebhookWire;
  list(ownerClientId: string): WebhookWire[];
  all(): WebhookWire[];
  unregister(id: string, ownerClientId: string): boolean;
  /**
   * Whether the license receives the client's license webhooks: the app is installed there and its
   * webhooks were not disabled (Configuration API v3.5 › Disable License Webhooks: "The webhooks
   * will stay disabled even after the associated application is reinstalled").
   */
  isEnabled(license: License, clientId: string): boolean;
  setEnabled(licenseId: number, clientId: string, enabled: boolean): void;
  /** Sends `action` to every matching registration of an app installed and enabled on the license. */
  dispatch(
    license: License,
    action: string,
    payload: Record<string, unknown>,
    chat?: StoredChat,
  ): WebhookDelivery[];
  deliveries(): WebhookDelivery[];
  /** Resolves when no delivery is pending any more. */
  settled(): Promise<void>;
  clear(): void;
}

export const WEBHOOK_ACTIONS = [
  'incoming_chat',
  'chat_deactivated',
  'chat_access_updated',
  'chat_transferred',
  'user_added_to_chat',
  'user_removed_from_chat',
  'incoming_event',
  'event_updated',
  'incoming_rich_message_postback',
  'chat_properties_updated',
  'chat_properties_deleted',
  'thread_properties_updated',
  'thread_properties_deleted',
  'event_properties_updated',
  'event_properties_deleted',
  'thread_tagged',
  'thread_untagged',
  'routing_status_set',
  'incoming_customer',
  'customer_session_fields_updated',
  'events_marked_as_seen',
  'agent_created',
  'agent_updated',
  'agent_deleted',
  'agent_suspended',
  'agent_unsuspended',
  'agent_approved',
  'bot_created',
  'bot_updated',
  'bot_deleted',
  'group_created',
  'group_updated',
  'group_deleted',
  'auto_accesses_updated',
  'tag_created',
  'tag_updated',
  'tag_deleted',
] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function presenceOf(chat: StoredChat): string[] {
  return [chat.customer.id, ...chat.agentIds];
}

function matchesFilters(hook: WebhookWire, chat: StoredChat | undefined): boolean {
  const values = (hook.filters?.chat_presence as { user_ids?: { values?: string[] } } | undefined)?.user_ids
    ?.values;
  if (!values || !chat) return true;
  const presence = presenceOf(chat);
  return values.some((v) => presence.includes(v));
}

function additionalData(hook: WebhookWire, chat: StoredChat | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!chat) return out;
  for (const key of hook.additional_data ?? []) {
    if (key === 'chat_properties') out.chat_properties = structuredClone(chat.properties);
    if (key === 'chat_presence_user_ids') out.chat_presence_user_ids = presenceOf(chat);
  }
  return out;
}

export function createWebhookService(
  ids: () => IdGenerator,
  now: () => Date,
  options: WebhookOptions = {},
): WebhookService {
  const retryDelays = options.retryDelaysMs ?? [5_000, 15_000, 40_000];
  const timeoutMs = options.timeoutMs ?? 10_000;
  let hooks: WebhookWire[] = [];
  const disabled = new Set<string>();
  let log: WebhookDelivery[] = [];
  const running = new Set<Promise<void>>();
  let seq = 0;

  async function deliver(d: WebhookDelivery): Promise<void> {
    for (let attempt = 0; attempt <= retryDelays.length; attempt++) {
      if (attempt > 0) await sleep(retryDelays[attempt - 1] ?? 0);
      const record: WebhookDeliveryAttempt = { at: now().toISOString() };
      d.attempts.push(record);
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(d.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        record.status = res.status;
        await res.body?.cancel();
        if (res.ok) {
          d.state = 'delivered';
          return;
        }
      } catch (err) {
        record.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    d.state = 'failed';
  }

  return {
    register(input) {
      const hook: WebhookWire = { id: ids().hex(32), ...input };
      hooks.push(hook);
      return hook;
    },
    list: (owner) => hooks.filter((h) => h.owner_client_id === owner),
    all: () => [...hooks],
    unregister(id, owner) {
      const before = hooks.length;
      hooks = hooks.filter((h) => !(h.id === id && h.owner_client_id === owner));
      return hooks.length < before;
    },
    isEnabled: (license, clientId) =>
      license.installedApps.includes(clientId) && !disabled.has(`${license.licenseId}:${clientId}`),
    setEnabled(licenseId, clientId, enabled) {
      if (enabled) disabled.delete(`${licenseId}:${clientId}`);
      else disabled.add(`${licenseId}:${clientId}`);
    },
    dispatch(license, action, payload, chat) {
      const targets = hooks.filter(
        (h) =>
          h.action === action &&
          h.type === 'license' &&
          license.installedApps.includes(h.owner_client_id) &&
          !disabled.has(`${license.licenseId}:${h.owner_client_id}`) &&
          matchesFilters(h, chat),
      );
      return targets.map((hook) => {
        const d: WebhookDelivery = {
          id: ++seq,
          webhookId: hook.id,
          url: hook.url,
          action,
          licenseId: license.licenseId,
          body: {
            webhook_id: hook.id,
            secret_key: hook.secret_key,
            action,
            organization_id: license.organizationId,
            payload,
            additional_data: additionalData(hook, chat),
          },
          attempts: [],
          state: 'pending',
        };
        log.push(d);
        const p = deliver(d).finally(() => running.delete(p));
        running.add(p);
        return d;
      });
    },
    deliveries: () => [...log],
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    clear() {
      hooks = [];
      disabled.clear();
      log = [];
    },
  };
}
