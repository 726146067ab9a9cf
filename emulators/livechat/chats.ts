/** Chats as the APIs present them, and the two things that change them: creating a chat and ending it. */
import { toLiveChatTime } from './ids';
import type { Clock, License, StoredChat } from './model';
import { buildChat, type ThreadSpec, type VisitSpec } from './seed/chatBuilder';
import { prechatForm, type PrechatAnswers } from './seed/forms';
import { places } from './seed/places';
import type { AgentUser, Chat, Thread } from './wire';
import type { World } from './world';

export interface CreateChatInput {
  visitor: { name?: string; email?: string };
  /** Default: the first normal agent of the license, else its owner. */
  agentEmail?: string;
  groupId?: number;
  /** Default true: the chat is ongoing; false archives it at once (no webhook). */
  active?: boolean;
  messages?: Array<['c' | 'a', string]> | number;
  sessionFields?: Record<string, string>;
  prechat?: PrechatAnswers;
  tags?: string[];
  visit?: Partial<VisitSpec>;
  /** Minutes before now at which it started (default 1). */
  startedMinutesAgo?: number;
}

export interface EndedChat {
  chatId: string;
  threadId: string;
  userId?: string;
}

export interface ChatService {
  /** The wire `Chat` for one thread, with the license's agents as users. */
  present(license: License, chat: StoredChat, thread: Thread): Chat;
  create(licenseId: number, input: CreateChatInput): StoredChat;
  /** Closes the chat's active thread, moving it to Archives; fires `chat_deactivated`. */
  /**
   * Closes the chat's active thread, moving it to Archives; fires `chat_deactivated`. With
   * `visitorLeft`, the visitor's session ends too, and with it the session fields: Agent Chat API
   * v3.5 › Data structures › Customer: `session_fields` "Expires along with the session"; Get
   * Customer: "Available for the session duration".
   */
  end(licenseId: number, chatId: string, opts?: { userId?: string; visitorLeft?: boolean }): EndedChat;
  /** The visitor's page sets session fields (merged by key); `customer_session_fields_updated` fires. */
  updateSessionFields(licenseId: number, chatId: string, fields: Record<string, string>): void;
  isActive(chat: StoredChat): boolean;
}

export class ChatStateError extends Error {
  constructor(
    readonly code: 'license_not_found' | 'chat_not_found' | 'chat_inactive',
    message: string,
  ) {
    super(message);
  }
}

export function agentUserOf(license: License, email: string): AgentUser {
  const agent = license.agents.find((a) => a.email === email);
  return {
    id: email,
    type: 'agent',
    name: agent?.name ?? email,
    email,
    present: agent?.loginStatus === 'accepting chats',
    avatar: `https://cdn.livechat-files.com/api/file/lc/avatars/${encodeURIComponent(email)}.png`,
    visibility: 'all',
  };
}

export function createChatService(deps: {
  world: World;
  clock: Clock;
  onDeactivated: (license: License, chat: StoredChat, ended: EndedChat) => void;
  /** A chat started (`incoming_chat`). */
  onIncoming?: (license: License, chat: StoredChat) => void;
  /** A chatting customer's session fields changed (`customer_session_fields_updated`). */
  onSessionFieldsUpdated?: (license: License, chat: StoredChat) => void;
}): ChatService {
  const { world, clock } = deps;
  const lastThread = (chat: StoredChat): Thread | undefined => chat.threads[chat.threads.length - 1];
  const licenseOrThrow = (licenseId: number): License => {
    const license = world.license(licenseId);
    if (!license) throw new ChatStateError('license_not_found', `License ${licenseId} not found`);
    return license;
  };

  return {
    isActive: (chat) => lastThread(chat)?.active === true,

    present(license, chat, thread) {
      const agentIds = thread.user_ids.filter((id) => id !== chat.customer.id);
      const users = [
        { ...chat.customer, present: thread.active },
        ...agentIds.map((id) => agentUserOf(license, id)),
      ];
      return {
        id: chat.id,
        users,
        thread: structuredClone(thread),
        properties: structuredClone(chat.properties),
        access: { group_ids: [...chat.access.group_ids] },
        is_followed: false,
      };
    },

    create(licenseId, input) {
      const license = licenseOrThrow(licenseId);
      const agentEmail =
        input.agentEmail ??
        (license.agents.find((a) => a.role === 'normal') ?? license.agents[0])?.email ??
        'agent@example.com';
      const customers = new Map<string, string>();
      for (const c of license.chats)
        customers.set(c.customer.email ?? c.customer.name ?? 'anonymous', c.customer.id);
      const thread: ThreadSpec = {
        agentEmail,
        groupId: input.groupId ?? 0,
        startedMinutesAgo: input.startedMinutesAgo ?? 1,
        messages: input.messages ?? [['c', 'Hello!']],
        active: input.active ?? true,
        ...(input.prechat && {
          prechat: prechatForm({ name: input.visitor.name, email: input.visitor.email, ...input.prechat }),
        }),
        ...(input.tags && { tags: input.tags }),
      };
      const chat = buildChat(
        {
          visitor: input.visitor,
          visit: {
            ip: input.visit?.ip ?? '192.0.2.1',
            geolocation: input.visit?.geolocation ?? places.london,
            pages: input.visit?.pages ?? [{ url: 'https://shop.example/', title: 'Shop' }],
            ...(input.visit?.referrer !== undefined && { referrer: input.visit.referrer }),
          },
          ...(input.sessionFields && { sessionFields: input.sessionFields }),
          threads: [thread],
        },
        { ids: world.ids, now: clock.now(), agents: license.agents, customers },
      );
      license.chats.push(chat);
      if (thread.active) deps.onIncoming?.(license, chat);
      return chat;
    },

    updateSessionFields(licenseId, chatId, fields) {
      const license = licenseOrThrow(licenseId);
      const chat = world.chat(license, chatId);
      if (!chat) throw new ChatStateError('chat_not_found', `Chat ${chatId} not found`);
      const merged = { ...Object.assign({}, ...(chat.customer.session_fields ?? [])), ...fields } as Record<
        string,
        string
      >;
      chat.customer.session_fields = Object.entries(merged).map(([k, v]) => ({ [k]: v }));
      // Webhooks v3.5 › customer_session_fields_updated: "sent for each active chat the customer has".
      if (lastThread(chat)?.active) deps.onSessionFieldsUpdated?.(license, chat);
    },

    end(licenseId, chatId, opts = {}) {
      const license = licenseOrThrow(licenseId);
      const chat = world.chat(license, chatId);
      if (!chat) throw new ChatStateError('chat_not_found', `Chat ${chatId} not found`);
      const thread = lastThread(chat);
      if (!thread?.active) throw new ChatStateError('chat_inactive', `Chat ${chatId} is not active`);
      const now = toLiveChatTime(clock.now());
      const by = opts.userId ? license.agents.find((a) => a.email === opts.userId) : undefined;
      thread.active = false;
      thread.events.push({
        id: `${thread.id}_${thread.events.length + 1}`,
        type: 'system_message',
        created_at: now,
        visibility: 'all',
        text: by ? `${by.name} archived the chat.` : 'Chat archived due to inactivity.',
        system_message_type: by ? 'manual_archived_agent' : 'chat_archived_inactivity',
      });
      chat.customer.present = false;
      chat.customer.last_visit.ended_at = now;
      const ended: EndedChat = {
        chatId: chat.id,
        threadId: thread.id,
        ...(opts.userId && { userId: opts.userId }),
      };
      if (opts.visitorLeft) delete chat.customer.session_fields;
      deps.onDeactivated(license, chat, ended);
      return ended;
    },
  };
}
