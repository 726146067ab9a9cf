import { z } from 'zod';
import type { ChatAgent, ChatFormField, ChatMessage, ChatSnapshot, ChatVisitor } from './chat';
import {
  liveChatChatSchema,
  type LiveChatChat,
  type LiveChatEvent,
  type LiveChatFilledFormField,
  type LiveChatThread,
  type LiveChatUser,
} from './liveChatPayload';

/**
 * The Agent App's address (Agent App SDK › Troubleshooting: "the Agent App (https://my.livechatinc.com/)").
 * LiveChat documents no per-chat address; its Archives open one conversation at
 * `/archives/<thread id>` (the address the Agent App shows, and public integrations build), and
 * `/archives/?query=<chat id>` searches the archive for a chat when no thread is known.
 */
export const DEFAULT_APP_LINK_BASE = 'https://my.livechatinc.com';

export interface ChatSnapshotOptions {
  /** The LiveChat license the chat belongs to. */
  licenseId: string | number;
  /** The license's groups (Configuration API `list_groups`), to name the chat's group. */
  groups?: readonly { id: number; name: string }[];
  /** Origin of the LiveChat Agent App; links point to `<base>/archives/<threadId>`. */
  appLinkBase?: string;
  /**
   * Custom variables captured while the chat was live (its visitor's session fields then). They win
   * over the archive's: what the agent saw, and what the archive may have lost with the session.
   */
  capturedVariables?: Readonly<Record<string, string>>;
}

/** Thrown when LiveChat's chat JSON is not what its documentation describes. */
export class LiveChatDataError extends Error {
  override readonly name = 'LiveChatDataError';
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(message);
  }
}

/**
 * Converts one chat from LiveChat's Agent Chat API v3.5 (`get_chat`, or one item of `list_archives`) into
 * our `ChatSnapshot`. Pure: no I/O. Throws `LiveChatDataError` when the JSON is not a chat.
 */
export function chatSnapshotFromLiveChat(json: unknown, options: ChatSnapshotOptions): ChatSnapshot {
  const parsed = liveChatChatSchema.safeParse(json);
  if (!parsed.success) {
    throw new LiveChatDataError(
      `The chat received from LiveChat is not in the expected format:\n${z.prettifyError(parsed.error)}`,
      parsed.error.issues,
    );
  }
  const chat = parsed.data;
  const thread = pickThread(chat);
  const events = [...(thread.events ?? [])].sort((a, b) => timeOf(a.created_at) - timeOf(b.created_at));
  const customer = chat.users.find((user) => user.type === 'customer');
  const forms = readForms(events);
  const groupId = thread.access?.group_ids?.[0] ?? chat.access?.group_ids?.[0];

  return dropUndefined({
    chatId: chat.id,
    threadId: thread.id,
    licenseId: String(options.licenseId),
    link: chatLink(options.appLinkBase ?? DEFAULT_APP_LINK_BASE, chat.id, thread.id),
    startedAt: toIsoUtc(thread.created_at),
    endedAt: thread.active === true ? undefined : toIsoUtc(events.at(-1)?.created_at ?? thread.created_at),
    tags: thread.tags ?? [],
    group:
      groupId === undefined
        ? undefined
        : dropUndefined({ id: groupId, name: options.groups?.find((group) => group.id === groupId)?.name }),
    messages: readMessages(events, chat.users),
    visitor: readVisitor(customer, thread, forms, events),
    agents: readAgents(chat.users, events),
    customVariables: { ...readCustomVariables(customer), ...options.capturedVariables },
    forms,
  });
}

export function chatLink(appLinkBase: string, chatId: string, threadId?: string | null): string {
  const base = appLinkBase.replace(/\/+$/, '');
  return threadId
    ? `${base}/archives/${encodeURIComponent(threadId)}`
    : `${base}/archives/?query=${encodeURIComponent(chatId)}`;
}

function pickThread(chat: LiveChatChat): LiveChatThread {
  // The schema guarantees one of the two.
  const thread = chat.thread ?? chat.threads?.at(-1);
  if (!thread) throw new LiveChatDataError('The chat received from LiveChat has no thread.', []);
  return thread;
}

function toIsoUtc(time: string): string {
  return new Date(time).toISOString();
}

function timeOf(time: string): number {
  return Date.parse(time);
}

function nonEmpty(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function readMessages(events: readonly LiveChatEvent[], users: readonly LiveChatUser[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const event of events) {
    // Internal notes between agents stay out of what is copied to Salesforce.
    if (event.visibility === 'agents') continue;
    const text =
      event.type === 'message'
        ? event.text
        : event.type === 'file' && event.url
          ? [event.name, event.url].filter(Boolean).join(' ')
          : undefined;
    if (!text) continue;
    const author = users.find((user) => user.id === event.author_id);
    const isVisitor = author ? author.type === 'customer' : false;
    messages.push({
      authorName: nonEmpty(author?.name) ?? (isVisitor ? 'Visitor' : (event.author_id ?? 'Unknown')),
      authorType: isVisitor ? 'visitor' : 'agent',
      text,
      time: toIsoUtc(event.created_at),
    });
  }
  return messages;
}

/** Agents in order of their first message; agents who never wrote come last, in LiveChat's order. */
function readAgents(users: readonly LiveChatUser[], events: readonly LiveChatEvent[]): ChatAgent[] {
  const agents = users.filter((user) => user.type === 'agent');
  const firstMessageIndex = (agent: LiveChatUser): number => {
    const index = events.findIndex((event) => event.type === 'message' && event.author_id === agent.id);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return agents
    .map((agent, order) => ({ agent, order, first: firstMessageIndex(agent) }))
    .sort((a, b) => a.first - b.first || a.order - b.order)
    .map(({ agent }) => ({
      name: nonEmpty(agent.name) ?? agent.id,
      email: nonEmpty(agent.email) ?? agent.id,
    }));
}

function readCustomVariables(customer: LiveChatUser | undefined): Record<string, string> {
  return sessionFieldsToRecord(customer?.session_fields);
}

/** A visitor's session fields as LiveChat sends them (`[{ "name": "value" }, …]`), by name. */
export function sessionFieldsToRecord(
  entries: readonly Record<string, unknown>[] | null | undefined,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const entry of entries ?? []) {
    for (const [name, value] of Object.entries(entry)) {
      if (value === null || value === undefined) continue;
      variables[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return variables;
}

function readVisitor(
  customer: LiveChatUser | undefined,
  thread: LiveChatThread,
  forms: ChatSnapshot['forms'],
  events: readonly LiveChatEvent[],
): ChatVisitor {
  const visit = customer?.last_visit;
  // Stable sort: pages opened at the same moment keep LiveChat's order.
  const pages = [...(visit?.last_pages ?? [])].sort(
    (a, b) => timeOf(a.opened_at ?? '1970-01-01T00:00:00Z') - timeOf(b.opened_at ?? '1970-01-01T00:00:00Z'),
  );
  const pageUrl = nonEmpty(thread.properties?.routing?.start_url) ?? nonEmpty(pages.at(-1)?.url);
  const page = pages.findLast((candidate) => candidate.url === pageUrl) ?? pages.at(-1);
  const prechatAnswer = (type: string): string | undefined => {
    const value = forms.prechat.find((field) => field.type === type)?.value;
    return typeof value === 'string' ? nonEmpty(value) : undefined;
  };
  const geolocation = visit?.geolocation;

  return dropUndefined({
    name: nonEmpty(customer?.name) ?? prechatAnswer('name'),
    email: nonEmpty(customer?.email) ?? prechatAnswer('email') ?? askedForEmail(events),
    ip: nonEmpty(visit?.ip),
    city: nonEmpty(geolocation?.city),
    region: nonEmpty(geolocation?.region),
    country: nonEmpty(geolocation?.country),
    countryCode: nonEmpty(geolocation?.country_code),
    pageUrl,
    pageTitle: nonEmpty(page?.title),
    referrer: nonEmpty(visit?.referrer),
  });
}

function askedForEmail(events: readonly LiveChatEvent[]): string | undefined {
  const form = events.find((event) => event.type === 'filled_form' && formType(event) === 'ask_for_email');
  const answer = form?.fields?.find((field) => field.type === 'email')?.answer;
  return typeof answer === 'string' ? nonEmpty(answer) : undefined;
}

function formType(event: LiveChatEvent): string | undefined {
  return nonEmpty(event.form_type) ?? nonEmpty(event.properties?.lc2?.form_type);
}

/**
 * Pre-chat and post-chat answers. Old chats may lack `form_type`; then a form filled before the first message
 * is taken as the pre-chat form and one filled after the last message as the post-chat form.
 */
function readForms(events: readonly LiveChatEvent[]): ChatSnapshot['forms'] {
  const messageTimes = events
    .filter((event) => event.type === 'message')
    .map((event) => timeOf(event.created_at));
  const firstMessage = messageTimes.at(0);
  const lastMessage = messageTimes.at(-1);
  const prechat: ChatFormField[] = [];
  const postchat: ChatFormField[] = [];
  for (const event of events) {
    if (event.type !== 'filled_form') continue;
    const filledAt = timeOf(event.created_at);
    const type =
      formType(event) ??
      (firstMessage === undefined || filledAt <= firstMessage
        ? 'prechat'
        : lastMessage !== undefined && filledAt >= lastMessage
          ? 'postchat'
          : undefined);
    const target = type === 'prechat' ? prechat : type === 'postchat' ? postchat : undefined;
    target?.push(...(event.fields ?? []).map(formFieldFromLiveChat));
  }
  return { prechat, postchat };
}

function formFieldFromLiveChat(field: LiveChatFilledFormField): ChatFormField {
  const value = field.answers
    ? field.answers.map((option) => option.label)
    : typeof field.answer === 'string'
      ? field.answer
      : (field.answer?.label ?? '');
  return dropUndefined({
    id: field.id == null ? undefined : String(field.id),
    label: field.label.trim(),
    type: field.type,
    value,
  });
}

/** Keeps snapshots free of `key: undefined`, so they compare and serialize cleanly. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
