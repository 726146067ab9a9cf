/**
 * The `livechat:customer_profile` event data the Agent App sends a Details widget for an open chat.
 * Shape from the Agent App SDK docs (docs src/pages/extending-agent-app/products-sdk/agent-app-sdk/
 * index.mdx › Details widgets › Events › `customer_profile`), checked against the SDK's own type
 * (products-sdk packages/agent-app-sdk/src/widgets/shared/customer-profile.ts, `ICustomerProfile`).
 * Where the two disagree the docs win, as noted on each field.
 */
import type { StoredChat } from '../model';
import type { Geolocation, Thread } from '../wire';

export interface CustomerProfile {
  /** Docs: "Unique ID of a visitor". */
  id: string;
  /**
   * Docs: "Visitor name (if provided)", so absent when the customer gave none. The SDK's type has
   * `name: string` (always there); the docs win.
   */
  name?: string;
  /** Docs: "Visitor email (if provided)"; the SDK's type agrees (`email?`). */
  email?: string;
  /**
   * Docs: "Object with three properties: `chat_id` (unique chat id), `groupID` (unique group id),
   * and `id` (unique thread id); this object may be empty when a visitor is not currently chatting".
   * The SDK's type has no `chat_id` and adds `preChatSurvey?`; the docs win: exactly these three
   * (the pre-chat form is in the thread's `filled_form` event, Agent Chat API › Events).
   */
  chat: { chat_id: string; groupID: string; id: string } | Record<string, never>;
  /** Docs: "possible values: `chats`, `customers`, `archives`" (the SDK's type agrees). */
  source: 'chats' | 'customers' | 'archives';
  /**
   * Docs: "detailed information about customer's geolocation"; the SDK's type spells it out
   * (country, country_code, region, city, timezone, latitude?, longitude?), the customer's
   * `last_visit.geolocation` of the Agent Chat API.
   */
  geolocation: Geolocation;
  /**
   * Docs: "custom variables for given customer/chat (if provided)", so only when there are some.
   * Not in the SDK's type; the docs win.
   */
  customVariables?: Record<string, string>;
}

export function customerProfileOf(chat: StoredChat, thread: Thread): CustomerProfile {
  const customVariables = Object.assign({}, ...(chat.customer.session_fields ?? [])) as Record<
    string,
    string
  >;
  return {
    id: chat.customer.id,
    ...(chat.customer.name !== undefined && { name: chat.customer.name }),
    ...(chat.customer.email !== undefined && { email: chat.customer.email }),
    chat: {
      chat_id: chat.id,
      // The SDK's type: `groupID: string`.
      groupID: String(thread.access.group_ids[0] ?? 0),
      id: thread.id,
    },
    // The emulator's Agent App opens chats from Chats (active) or Archives; it has no Customers list.
    source: thread.active ? 'chats' : 'archives',
    geolocation: chat.customer.last_visit.geolocation,
    ...(Object.keys(customVariables).length > 0 && { customVariables }),
  };
}
