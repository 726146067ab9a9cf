/** Builds stored chats (LiveChat wire threads and events) from short, readable specs. */
import { toLiveChatTime, type IdGenerator } from '../ids';
import type { LicenseAgent, StoredChat } from '../model';
import type { ChatEvent, CustomerUser, FormField, Geolocation, SessionFields, Thread } from '../wire';

export interface VisitSpec {
  ip: string;
  geolocation: Geolocation;
  /** Pages the visitor opened, oldest first; the last one is where the chat started. */
  pages: Array<{ url: string; title: string }>;
  referrer?: string;
  userAgent?: string;
}

export interface ThreadSpec {
  agentEmail: string;
  groupId: number;
  /** Minutes before "now" at which the thread started. */
  startedMinutesAgo: number;
  /** Messages in order; `c` is the customer, `a` the agent. A number generates that many messages. */
  messages: Array<['c' | 'a', string]> | number;
  /** Seconds between two events (default 40). */
  pace?: number;
  prechat?: FormField[];
  postchat?: FormField[];
  rating?: { score: 0 | 1; comment?: string };
  tags?: string[];
  /** Still going (not archived yet). Only the last thread may be active. */
  active?: boolean;
}

export interface ChatSpec {
  visitor: { name?: string; email?: string };
  visit: VisitSpec;
  sessionFields?: Record<string, string>;
  threads: ThreadSpec[];
}

export interface BuildContext {
  ids: IdGenerator;
  now: Date;
  agents: readonly LicenseAgent[];
  /** Customers by visitor key, so a returning visitor keeps one customer id. */
  customers: Map<string, string>;
}

const DEFAULT_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

function at(base: Date, seconds: number): string {
  return toLiveChatTime(new Date(base.getTime() + seconds * 1000));
}

function generatedMessages(n: number): Array<['c' | 'a', string]> {
  const out: Array<['c' | 'a', string]> = [];
  for (let i = 1; i <= n; i++) {
    out.push(
      i % 2 === 1
        ? ['c', `Customer message ${i}: one more detail about my order, line ${i}.`]
        : ['a', `Agent reply ${i}: thanks, noted (${i}/${n}).`],
    );
  }
  return out;
}

function sessionFieldsOf(record: Record<string, string> | undefined): SessionFields | undefined {
  if (!record) return undefined;
  return Object.entries(record).map(([key, value]) => ({ [key]: value }));
}

export function buildChat(spec: ChatSpec, ctx: BuildContext): StoredChat {
  const key = spec.visitor.email ?? spec.visitor.name ?? 'anonymous';
  let customerId = ctx.customers.get(key);
  if (!customerId) {
    customerId = ctx.ids.uuid();
    ctx.customers.set(key, customerId);
  }
  const first = spec.threads[0];
  if (!first) throw new Error('A chat needs at least one thread');
  const firstStart = new Date(ctx.now.getTime() - first.startedMinutesAgo * 60_000);
  const last = spec.threads[spec.threads.length - 1] ?? first;
  const lastStart = new Date(ctx.now.getTime() - last.startedMinutesAgo * 60_000);

  const chatId = ctx.ids.chatId();
  const threads: Thread[] = spec.threads.map((t) => buildThread(t, customerId, spec, ctx));
  threads.forEach((thread, i) => {
    const prev = threads[i - 1];
    const next = threads[i + 1];
    if (prev) thread.previous_thread_id = prev.id;
    if (next) thread.next_thread_id = next.id;
  });

  const visitStart = new Date(lastStart.getTime() - 5 * 60_000);
  const customer: CustomerUser = {
    id: customerId,
    type: 'customer',
    ...(spec.visitor.name !== undefined && { name: spec.visitor.name }),
    ...(spec.visitor.email !== undefined && { email: spec.visitor.email, email_verified: false }),
    present: last.active === true,
    created_at: toLiveChatTime(new Date(firstStart.getTime() - 10 * 60_000)),
    last_visit: {
      started_at: toLiveChatTime(visitStart),
      ...(last.active ? {} : { ended_at: at(lastStart, 3600) }),
      ...(spec.visit.referrer !== undefined && { referrer: spec.visit.referrer }),
      ip: spec.visit.ip,
      user_agent: spec.visit.userAgent ?? DEFAULT_UA,
      geolocation: spec.visit.geolocation,
      last_pages: spec.visit.pages.map((p, i) => ({
        opened_at: at(visitStart, i * 60),
        url: p.url,
        title: p.title,
      })),
    },
    statistics: { chats_count: 1, threads_count: threads.length, visits_count: threads.length + 2 },
  };
  const sessionFields = sessionFieldsOf(spec.sessionFields);
  if (sessionFields) customer.session_fields = sessionFields;

  return {
    id: chatId,
    customer,
    agentIds: [...new Set(spec.threads.map((t) => t.agentEmail))],
    properties: {
      routing: { continuous: false, pinned: false },
      source: { client_id: 'c5e4f61e1a6c3b1521b3de6c84d3c03f' },
    },
    access: { group_ids: [last.groupId] },
    threads,
  };
}

function buildThread(t: ThreadSpec, customerId: string, spec: ChatSpec, ctx: BuildContext): Thread {
  const start = new Date(ctx.now.getTime() - t.startedMinutesAgo * 60_000);
  const id = ctx.ids.chatId();
  const pace = t.pace ?? 40;
  const agent = ctx.agents.find((a) => a.email === t.agentEmail);
  if (!agent) throw new Error(`Unknown agent ${t.agentEmail}`);
  let n = 0;
  let clock = 0;
  const events: ChatEvent[] = [];
  const nextId = (): string => `${id}_${++n}`;
  const tick = (): string => {
    const stamp = at(start, clock);
    clock += pace;
    return stamp;
  };
  if (t.prechat) {
    events.push({
      id: nextId(),
      type: 'filled_form',
      created_at: tick(),
      author_id: customerId,
      visibility: 'all',
      form_id: '1473433500211',
      form_type: 'prechat',
      properties: { lc2: { form_type: 'prechat' } },
      fields: t.prechat,
    });
  }
  events.push({
    id: nextId(),
    type: 'system_message',
    created_at: tick(),
    visibility: 'all',
    text: `${agent.name} joined the chat.`,
    system_message_type: 'agent_joined',
  });
  const messages = typeof t.messages === 'number' ? generatedMessages(t.messages) : t.messages;
  for (const [who, text] of messages) {
    events.push({
      id: nextId(),
      type: 'message',
      created_at: tick(),
      author_id: who === 'c' ? customerId : agent.email,
      visibility: 'all',
      text,
    });
  }
  if (!t.active) {
    events.push({
      id: nextId(),
      type: 'system_message',
      created_at: tick(),
      visibility: 'all',
      text: `${agent.name} archived the chat.`,
      system_message_type: 'manual_archived_agent',
    });
  }
  if (t.postchat && !t.active) {
    events.push({
      id: nextId(),
      type: 'filled_form',
      created_at: tick(),
      author_id: customerId,
      visibility: 'all',
      form_id: '1473433500212',
      form_type: 'postchat',
      properties: { lc2: { form_type: 'postchat' } },
      fields: t.postchat,
    });
  }
  const lastPage = spec.visit.pages[spec.visit.pages.length - 1];
  const thread: Thread = {
    id,
    active: t.active === true,
    user_ids: [customerId, agent.email],
    events,
    properties: {
      routing: {
        ...(lastPage && { start_url: lastPage.url }),
        ...(spec.visit.referrer !== undefined && { referrer: spec.visit.referrer }),
      },
      ...(t.rating && { rating: t.rating }),
    },
    access: { group_ids: [t.groupId] },
    created_at: toLiveChatTime(start),
  };
  if (t.tags && t.tags.length > 0) thread.tags = t.tags;
  return thread;
}
