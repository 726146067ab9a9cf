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
