import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVisitors } from '../../../emulators/demo/people';
import type { Chat, FilledFormEvent, ListArchivesResponse } from '../../../emulators/livechat';
import { action, demoNormal, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';

let lc: Started;
let owner: string;
beforeAll(async () => {
  lc = await startEmulator();
  owner = lc.tokenFor(demoOwner);
});
afterAll(() => lc.close());

const listArchives = (body: unknown, token = owner) =>
  action<ListArchivesResponse>(lc.url, 'agent', 'list_archives', token, body);
const customerOf = (chat: Chat) => chat.users.find((u) => u.type === 'customer');
const LC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

async function allArchives(token = owner): Promise<Chat[]> {
  const first = await listArchives({ limit: 100 }, token);
  return first.body.chats;
}

describe('list_archives', () => {
  it('returns threads in the documented shape, newest first, 10 by default', async () => {
    const res = await listArchives({});
    expect(res.status).toBe(200);
    expect(res.body.chats).toHaveLength(10);
    expect(res.body.found_chats).toBeGreaterThanOrEqual(12);
    expect(res.body.found_chats).toBeLessThanOrEqual(20);
    expect(typeof res.body.next_page_id).toBe('string');
    expect(res.body.previous_page_id).toBeUndefined();
    const times = res.body.chats.map((c) => Date.parse(c.thread.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const chat = res.body.chats[0];
    expect(chat).toBeDefined();
    if (!chat) return;
    expect(Object.keys(chat).sort()).toEqual([
      'access',
      'id',
      'is_followed',
      'properties',
      'thread',
      'users',
    ]);
    expect(chat.id).toMatch(/^[A-Z0-9]{10}$/);
    expect(chat.access.group_ids).toEqual(expect.any(Array));
    const t = chat.thread;
    expect(t.id).toMatch(/^[A-Z0-9]{10}$/);
    expect(t.active).toBe(false);
    expect(t.created_at).toMatch(LC_TIME);
    expect(t.access.group_ids.length).toBe(1);
    expect(t.user_ids).toEqual(chat.users.map((u) => u.id));
    for (const e of t.events) {
      expect(e.id).toMatch(new RegExp(`^${t.id}_\\d+$`));
      expect(e.created_at).toMatch(LC_TIME);
      expect(e.visibility).toBe('all');
    }
    const customer = customerOf(chat);
    expect(customer).toMatchObject({
      type: 'customer',
      present: false,
      created_at: expect.stringMatching(LC_TIME),
    });
    expect(customer?.id).toMatch(/^[0-9a-f-]{36}$/);
    if (customer?.type !== 'customer') return;
    expect(customer.last_visit).toMatchObject({
      ip: expect.any(String),
      user_agent: expect.any(String),
      geolocation: {
        country: expect.any(String),
        country_code: expect.any(String),
        city: expect.any(String),
      },
    });
    expect(customer.last_visit.last_pages[0]).toMatchObject({
      url: expect.stringMatching(/^https:/),
      title: expect.any(String),
    });
    const agent = chat.users.find((u) => u.type === 'agent');
    expect(agent).toMatchObject({
      id: expect.stringContaining('@'),
      email: agent?.id,
      name: expect.any(String),
      avatar: expect.any(String),
      visibility: 'all',
    });
  });

  it('carries what the product maps: forms, custom variables, page, referrer, tags, group', async () => {
    const chats = await allArchives();
    const john = chats.find(
      (c) => customerOf(c)?.email === demoVisitors.existingContact.email && c.thread.tags?.includes('refund'),
    );
    expect(john).toBeDefined();
    if (!john) return;
    const customer = customerOf(john);
    if (customer?.type !== 'customer') throw new Error('no customer');
    expect(customer.name).toBe('John Smith');
    expect(customer.session_fields).toEqual([{ plan: 'pro' }, { customer_id: 'C-1001' }]);
    expect(customer.last_visit.referrer).toBe('https://www.google.com/');
    expect(john.thread.tags).toEqual(['billing', 'refund']);
    expect(john.thread.access.group_ids).toEqual([0]);
    const forms = john.thread.events.filter((e): e is FilledFormEvent => e.type === 'filled_form');
    const prechat = forms.find((f) => f.form_type === 'prechat');
    const postchat = forms.find((f) => f.form_type === 'postchat');
    expect(prechat?.properties).toEqual({ lc2: { form_type: 'prechat' } });
    expect(prechat?.fields).toEqual([
      { type: 'name', id: expect.any(String), label: 'Your name', answer: 'John Smith' },
      { type: 'email', id: expect.any(String), label: 'E-mail', answer: 'john.smith@acme.example' },
      { type: 'question', id: expect.any(String), label: 'Phone number', answer: '+1 415 555 0101' },
      { type: 'select', id: expect.any(String), label: 'Topic', answer: { id: '0', label: 'Billing' } },
      {
        type: 'checkbox',
        id: expect.any(String),
        label: 'Interested in',
        answers: [
          { id: '0', label: 'Pricing' },
          { id: '1', label: 'Integrations' },
        ],
      },
    ]);
    expect(postchat?.fields).toEqual([
      {
        type: 'radio',
        id: expect.any(String),
        label: 'How would you rate this chat?',
        answer: { id: '1', label: 'Good' },
      },
      { type: 'textarea', id: expect.any(String), label: 'Comment', answer: 'Quick and helpful.' },
    ]);
    expect(john.thread.next_thread_id).toEqual(expect.any(String));
    expect(john.thread.next_accessible_thread_id).toBe(john.thread.next_thread_id);
  });

  it('has the demo visitors, an anonymous chat, non-ASCII names, a 200-message chat and a Sales chat', async () => {
    const chats = await allArchives();
    const emails = chats.map((c) => customerOf(c)?.email);
    for (const v of [
      demoVisitors.existingContact,
      demoVisitors.existingLead,
      demoVisitors.newVisitor,
      demoVisitors.newVisitor2,
    ]) {
      expect(emails).toContain(v.email);
    }
    const anonymous = chats.find((c) => customerOf(c)?.name === demoVisitors.anonymous.name);
    expect(anonymous && customerOf(anonymous)).not.toHaveProperty('email');
    expect(chats.map((c) => customerOf(c)?.name)).toEqual(
      expect.arrayContaining(['Zoë Müller', '李娜', 'Søren Kierkegaard-Olsen']),
    );
    const long = chats.find((c) => c.thread.events.filter((e) => e.type === 'message').length === 200);
    expect(long).toBeDefined();
    expect(chats.some((c) => c.thread.access.group_ids[0] === 1)).toBe(true);
  });

  it('pages with next_page_id / previous_page_id without overlap', async () => {
    const first = await listArchives({ limit: 5, sort_order: 'asc' });
    const second = await listArchives({ page_id: first.body.next_page_id });
    expect(second.status).toBe(200);
    expect(second.body.found_chats).toBe(first.body.found_chats);
    expect(second.body.previous_page_id).toEqual(expect.any(String));
    const back = await listArchives({ page_id: second.body.previous_page_id });
    expect(back.body.chats.map((c) => c.thread.id)).toEqual(first.body.chats.map((c) => c.thread.id));
    const seen: string[] = [];
    let page: ListArchivesResponse | undefined = first.body;
    while (page) {
      seen.push(...page.chats.map((c) => c.thread.id));
      page = page.next_page_id ? (await listArchives({ page_id: page.next_page_id })).body : undefined;
    }
    expect(seen).toHaveLength(first.body.found_chats);
    expect(new Set(seen).size).toBe(seen.length);
    const times = (await listArchives({ limit: 100, sort_order: 'asc' })).body.chats.map((c) =>
      Date.parse(c.thread.created_at),
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('filters by from/to, query and group_ids', async () => {
    const now = lc.clock.now().getTime();
    const from = new Date(now - 3 * 24 * 3600_000).toISOString().replace('Z', '000Z');
    const recent = await listArchives({ limit: 100, filters: { from } });
    expect(recent.body.chats.length).toBeGreaterThan(0);
    expect(recent.body.chats.every((c) => Date.parse(c.thread.created_at) >= Date.parse(from))).toBe(true);
    const older = await listArchives({ limit: 100, filters: { to: from } });
    expect(recent.body.found_chats + older.body.found_chats).toBe((await listArchives({})).body.found_chats);

    const byQuery = await listArchives({ filters: { query: 'kaffeemühle' } });
    expect(byQuery.body.chats.map((c) => customerOf(c)?.name)).toEqual(['Zoë Müller']);
    const byEmail = await listArchives({ filters: { query: 'maria.garcia@globex' } });
    expect(byEmail.body.found_chats).toBe(1);

    const sales = await listArchives({ limit: 100, filters: { group_ids: [1] } });
    expect(sales.body.found_chats).toBeGreaterThan(0);
    expect(sales.body.chats.every((c) => c.thread.access.group_ids.includes(1))).toBe(true);
  });

  it.each([
    [{ limit: 101 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ sort_order: 'up' }, 'sort_order'],
    [{ filters: { from: 'yesterday' } }, 'filters.from'],
    [{ filters: { thread_ids: ['A'], query: 'x' } }, 'filters.thread_ids'],
    [{ page_id: 'x', limit: 5 }, 'page_id'],
    [{ page_id: 'not-a-page' }, 'page_id'],
  ])('answers 400 validation to %j', async (body, field) => {
    const res = await listArchives(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        type: 'validation',
        message: 'Wrong format of request',
        data: expect.objectContaining({ field }),
      },
    });
  });

  it('answers 401 authentication without a token or with an expired one', async () => {
    const missing = await listArchives({}, '');
    expect(missing).toMatchObject({
      status: 401,
      body: { error: { type: 'authentication', message: expect.any(String) } },
    });
    const token = lc.tokenFor(demoOwner);
    lc.emulator.admin.expireToken(token);
    expect((await listArchives({}, token)).status).toBe(401);
    expect((await listArchives({}, 'dal:forged')).body).toMatchObject({ error: { type: 'authentication' } });
  });

  it('answers 403 authorization without a chats scope', async () => {
    const res = await listArchives({}, lc.tokenFor(demoOwner, ['agents--all:ro']));
    expect(res).toMatchObject({
      status: 403,
      body: { error: { type: 'authorization', message: expect.stringContaining('chats--all:ro') } },
    });
  });

  it('limits chats--access:ro to the agent’s groups', async () => {
    const nora = lc.tokenFor(demoNormal, ['chats--access:ro']);
    const res = await listArchives({ limit: 100 }, nora);
    expect(res.status).toBe(200);
    expect(res.body.chats.every((c) => c.thread.access.group_ids.includes(0))).toBe(true);
    expect(res.body.found_chats).toBeLessThan((await listArchives({ limit: 100 })).body.found_chats);
  });

  it('keeps licenses apart', async () => {
    const other = await listArchives({ limit: 100 }, lc.tokenFor(otherOwnerEmail));
    const demoIds = new Set((await allArchives()).map((c) => c.id));
    expect(other.body.found_chats).toBe(2);
    expect(other.body.chats.some((c) => demoIds.has(c.id))).toBe(false);
  });

  it('404s unknown actions in LiveChat’s error format', async () => {
    const res = await action(lc.url, 'agent', 'no_such_action', owner);
    expect(res).toMatchObject({ status: 404, body: { error: { type: 'not_found' } } });
  });
});

describe('get_chat', () => {
  it('returns the latest thread by default, and a given thread', async () => {
    const archived = (await allArchives()).find((c) => c.thread.next_thread_id);
    if (!archived) throw new Error('no multi-thread chat');
    const latest = await action<Chat>(lc.url, 'agent', 'get_chat', owner, { chat_id: archived.id });
    expect(latest.status).toBe(200);
    expect(Object.keys(latest.body).sort()).toEqual([
      'access',
      'id',
      'is_followed',
      'properties',
      'thread',
      'users',
    ]);
    expect(latest.body.id).toBe(archived.id);
    expect(latest.body.thread.id).not.toBe(archived.thread.id);
    const given = await action<Chat>(lc.url, 'agent', 'get_chat', owner, {
      chat_id: archived.id,
      thread_id: archived.thread.id,
    });
    expect(given.body.thread.id).toBe(archived.thread.id);
    expect(given.body.thread.events).toEqual(archived.thread.events);
    expect(given.body.thread).not.toHaveProperty('next_accessible_thread_id');
  });

  it('validates, 404s unknown chats and threads, and keeps licenses apart', async () => {
    expect(await action(lc.url, 'agent', 'get_chat', owner, {})).toMatchObject({
      status: 400,
      body: { error: { type: 'validation', data: { field: 'chat_id' } } },
    });
    expect(await action(lc.url, 'agent', 'get_chat', owner, { chat_id: 'NOPE000000' })).toMatchObject({
      status: 404,
      body: { error: { type: 'not_found', message: 'Chat not found' } },
    });
    const chat = (await allArchives())[0];
    expect(
      await action(lc.url, 'agent', 'get_chat', owner, { chat_id: chat?.id, thread_id: 'NOPE000000' }),
    ).toMatchObject({
      status: 404,
      body: { error: { type: 'not_found', message: 'Thread not found' } },
    });
    expect(
      (await action(lc.url, 'agent', 'get_chat', lc.tokenFor(otherOwnerEmail), { chat_id: chat?.id })).status,
    ).toBe(404);
    expect(
      (
        await action(lc.url, 'agent', 'get_chat', lc.tokenFor(demoOwner, ['groups--all:ro']), {
          chat_id: chat?.id,
        })
      ).status,
    ).toBe(403);
  });
});
