import { createDetailsWidget } from '@livechat/agent-app-sdk';
import { z } from 'zod';

/** What the widget needs to know of the chat the agent has open in LiveChat. */
export interface OpenChat {
  /** Null when the agent looks at a customer without a chat (Customers list). */
  chatId: string | null;
  /** The thread on screen (customer_profile `chat.id`); an archived chat may have several. */
  threadId: string | null;
  customerName: string;
  source: 'chats' | 'archives' | 'customers';
}

/** LiveChat's Agent App as the widget uses it: the open chat, and word when it changes. */
export interface AgentApp {
  current(): OpenChat | null;
  /** Calls `listener` on every customer_profile; answers the function that stops listening. */
  onChange(listener: (chat: OpenChat) => void): () => void;
}

// customer_profile is external data (reference §1.6): only what we use, parsed leniently.
const profileSchema = z.object({
  name: z.string().catch(''),
  chat: z.object({ chat_id: z.string().min(1).optional(), id: z.string().optional() }).catch({}),
  source: z.enum(['chats', 'archives', 'customers']).catch('chats'),
});

export function toOpenChat(profile: unknown): OpenChat | null {
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success) return null;
  return {
    chatId: parsed.data.chat.chat_id ?? null,
    threadId: parsed.data.chat.chat_id ? (parsed.data.chat.id ?? null) : null,
    customerName: parsed.data.name,
    source: parsed.data.source,
  };
}

/** True when the page runs in a frame, as LiveChat's Agent App shows it. */
export function insideAFrame(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

/** Connects to the Agent App around this frame (rejects after ~3 s when nothing answers). */
export async function connectAgentApp(): Promise<AgentApp> {
  const widget = await createDetailsWidget();
  return {
    current: () => toOpenChat(widget.getCustomerProfile()),
    onChange(listener) {
      const handler = (profile: unknown) => {
        const chat = toOpenChat(profile);
        if (chat) listener(chat);
      };
      widget.on('customer_profile', handler);
      return () => widget.off('customer_profile', handler);
    },
  };
}

export type OpenChatState =
  { status: 'connecting' } | { status: 'failed' } | { status: 'ready'; chat: OpenChat };

/** The chat open in LiveChat as a store (`useSyncExternalStore`), following the agent from chat to chat. */
export interface OpenChatStore {
  getState(): OpenChatState;
  subscribe(listener: () => void): () => void;
}

/**
 * Connects to the Agent App now (main.tsx calls this first, before anything is drawn or signed in).
 * The Agent App sends its first handshake on the frame's `load` event and again every 500 ms
 * (@livechat/postmessage `connectExistingIframe`); the SDK's `connectToParent` hears handshakes only
 * from the moment it is called, so a connection begun later (after the sign-in, as it once was) misses
 * the first and waits half a second for the next. Nothing of the chat is lost by connecting early: the
 * SDK keeps the latest customer_profile (`getCustomerProfile`) from the moment the widget exists, and
 * `onChange` hears the later ones. Ready with the first customer_profile, which the Agent App sends
 * right after `plugin_inited` (Agent App SDK docs › Details widgets › Events): connected without one it
 * is still connecting, so the screen never flashes "no chat" before the profile.
 */
export function startAgentApp(connect: () => Promise<AgentApp> = connectAgentApp): OpenChatStore {
  let state: OpenChatState = { status: 'connecting' };
  const listeners = new Set<() => void>();
  const set = (next: OpenChatState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  connect().then(
    (app) => {
      const chat = app.current();
      if (chat) set({ status: 'ready', chat });
      app.onChange((next) => set({ status: 'ready', chat: next }));
    },
    () => set({ status: 'failed' }),
  );
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
