import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, FilledFormEvent, ListArchivesResponse } from '../../../emulators/livechat';
import { action, demoNormal, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';
import { demoLicense, demoVisitors } from '../../support/factories/people';

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

describe('Agent Chat API v3.5 rules (a fresh emulator: these tests archive chats and move the clock)', () => {
  let own: Started;
  let ownerToken: string;
  beforeAll(async () => {
    own = await startEmulator();
    ownerToken = own.tokenFor(demoOwner);
  });
  afterAll(() => own.close());
  const call = <T = unknown>(name: string, body: unknown, token = ownerToken) =>
    action<T>(own.url, 'agent', name, token, body);
  const NORA = demoNormal;
  const salesChatWithout = async (email: string) => {
    const sales = await call<ListArchivesResponse>('list_archives', {
      limit: 100,
      filters: { group_ids: [1] },
    });
    const chat = sales.body.chats.find((c) => !c.thread.user_ids.includes(email));
    if (!chat) throw new Error('no Sales chat');
    return chat;
  };

  describe('get_chat', () => {
    it('answers not_found to a thread_id of another chat of the license', async () => {
      const [a, b] = (await call<ListArchivesResponse>('list_archives', { limit: 100 })).body.chats.filter(
        (c, i, all) => all.findIndex((x) => x.id === c.id) === i,
      );
      if (!a || !b) throw new Error('two chats needed');
      expect(await call('get_chat', { chat_id: a.id, thread_id: b.thread.id })).toMatchObject({
        status: 404,
        body: { error: { type: 'not_found', message: 'Thread not found' } },
      });
    });

    it('with chats--access:ro: the agent’s groups and chats they took part in; else missing_access', async () => {
      const nora = own.tokenFor(NORA, ['chats--access:ro']);
      const sales = await salesChatWithout(NORA);
      expect(await call('get_chat', { chat_id: sales.id, thread_id: sales.thread.id }, nora)).toEqual({
        status: 403,
        headers: expect.anything(),
        body: { error: { type: 'missing_access', message: 'Missing access' } },
      });
      // Without thread_id the latest thread is the one checked.
      expect((await call('get_chat', { chat_id: sales.id }, nora)).body).toMatchObject({
        error: { type: 'missing_access' },
      });
      // A Sales chat Nora took part in: her presence gives access (Scopes › Accessing chat).
      const joined = own.emulator.admin.createChat(demoLicense.licenseId, {
        visitor: { name: 'Pat Presence' },
        agentEmail: NORA,
        groupId: 1,
        active: false,
      });
      const got = await call<Chat>('get_chat', { chat_id: joined.chatId }, nora);
      expect(got.status).toBe(200);
      expect(got.body.thread.id).toBe(joined.threadId);
      expect(got.body.thread.access.group_ids).toEqual([1]);
      // chats--all:ro reaches every group.
      expect(
        (await call('get_chat', { chat_id: sales.id }, own.tokenFor(NORA, ['chats--all:ro']))).status,
      ).toBe(200);
    });

    it('takes the scopes that contain chats--all:ro or chats--access:ro, and refuses chats--my:ro alone', async () => {
      const chat = await salesChatWithout(NORA);
      for (const scope of ['chats--all:rw', 'chats.conversation--all:rw']) {
        expect((await call('get_chat', { chat_id: chat.id }, own.tokenFor(NORA, [scope]))).status).toBe(200);
      }
      const my = await call('get_chat', { chat_id: chat.id }, own.tokenFor(NORA, ['chats--my:ro']));
      expect(my).toMatchObject({ status: 403, body: { error: { type: 'authorization' } } });
    });

    it.each([[{ chat_id: '' }], [{ chat_id: 42 }], [{ chat_id: 'PJ0MRSHTDG', thread_id: 7 }]])(
      'answers 400 validation to %j',
      async (body) => {
        expect(await call('get_chat', body)).toMatchObject({
          status: 400,
          body: { error: { type: 'validation', message: 'Wrong format of request' } },
        });
      },
    );
  });

  describe('list_archives', () => {
    it('lists one entry per thread: a chat with two archived threads comes twice', async () => {
      const all = (await call<ListArchivesResponse>('list_archives', { limit: 100 })).body;
      expect(all.chats).toHaveLength(all.found_chats);
      const threadIds = all.chats.map((c) => c.thread.id);
      expect(new Set(threadIds).size).toBe(threadIds.length);
      const john = all.chats.filter((c) => c.thread.tags?.includes('billing'));
      expect(john).toHaveLength(2);
      expect(john[0]?.id).toBe(john[1]?.id);
      expect(john[0]?.thread.id).not.toBe(john[1]?.thread.id);
    });

    it('takes limit up to 100; more is a validation error', async () => {
      expect((await call<ListArchivesResponse>('list_archives', { limit: 100 })).status).toBe(200);
      expect((await call<ListArchivesResponse>('list_archives', { limit: 1 })).body.chats).toHaveLength(1);
      expect(await call('list_archives', { limit: 100.5 })).toMatchObject({
        status: 400,
        body: { error: { type: 'validation', data: { field: 'limit' } } },
      });
    });

    it.each([[{ sort_order: 'asc' }], [{ filters: {} }], [{ limit: 10 }]])(
      'refuses page_id with %j (Pagination)',
      async (extra) => {
        const first = await call<ListArchivesResponse>('list_archives', { limit: 2 });
        expect(await call('list_archives', { page_id: first.body.next_page_id, ...extra })).toMatchObject({
          status: 400,
          body: { error: { type: 'validation', data: { field: 'page_id' } } },
        });
      },
    );

    it('gives previous_page_id and next_page_id only where there is such a page', async () => {
      const total = (await call<ListArchivesResponse>('list_archives', { limit: 100 })).body.found_chats;
      const first = (await call<ListArchivesResponse>('list_archives', { limit: total - 1 })).body;
      expect(first.previous_page_id).toBeUndefined();
      expect(first.next_page_id).toEqual(expect.any(String));
      const last = (await call<ListArchivesResponse>('list_archives', { page_id: first.next_page_id })).body;
      expect(last.chats).toHaveLength(1);
      expect(last.found_chats).toBe(total);
      expect(last.next_page_id).toBeUndefined();
      expect(last.previous_page_id).toEqual(expect.any(String));
      const whole = (await call<ListArchivesResponse>('list_archives', { limit: 100 })).body;
      expect(whole).not.toHaveProperty('next_page_id');
      expect(whole).not.toHaveProperty('previous_page_id');
    });

    it('keeps the filters of the first request for the pages after it', async () => {
      const first = await call<ListArchivesResponse>('list_archives', {
        limit: 1,
        filters: { group_ids: [1] },
      });
      expect(first.body.found_chats).toBeGreaterThan(1);
      const second = await call<ListArchivesResponse>('list_archives', { page_id: first.body.next_page_id });
      expect(second.body.found_chats).toBe(first.body.found_chats);
      expect(second.body.chats[0]?.thread.access.group_ids).toEqual([1]);
    });

    it('pages without repeating a thread when a chat is archived between two requests', async () => {
      const first = (await call<ListArchivesResponse>('list_archives', { limit: 5 })).body;
      own.emulator.admin.createChat(demoLicense.licenseId, {
        visitor: { name: 'Late Larry' },
        active: false,
      });
      const second = (await call<ListArchivesResponse>('list_archives', { page_id: first.next_page_id }))
        .body;
      const ids = [...first.chats, ...second.chats].map((c) => c.thread.id);
      expect(new Set(ids).size).toBe(10);
      expect(second.found_chats).toBe(first.found_chats + 1);
    });

    it('with chats--access:ro: threads of the agent’s groups and threads they took part in', async () => {
      const nora = own.tokenFor(NORA, ['chats--access:ro']);
      const joined = own.emulator.admin.createChat(demoLicense.licenseId, {
        visitor: { name: 'Sam Sales' },
        agentEmail: NORA,
        groupId: 1,
        active: false,
      });
      const res = (await call<ListArchivesResponse>('list_archives', { limit: 100 }, nora)).body;
      for (const c of res.chats) {
        expect(c.thread.access.group_ids.includes(0) || c.thread.user_ids.includes(NORA)).toBe(true);
      }
      expect(res.chats.map((c) => c.thread.id)).toContain(joined.threadId);
      const sales = await salesChatWithout(NORA);
      expect(res.chats.map((c) => c.thread.id)).not.toContain(sales.thread.id);
      expect((await call('list_archives', {}, own.tokenFor(NORA, ['chats--my:ro']))).status).toBe(403);
      expect((await call('list_archives', {}, own.tokenFor(NORA, ['chats--access:rw']))).status).toBe(200);
    });

    it.each([
      [{ agents: { values: [demoOwner], exists: true } }, 'filters.agents'],
      [{ tags: { values: ['sales'], exclude_values: ['lead'] } }, 'filters.tags'],
      [{ event_types: { values: ['message'], exclude_values: ['file'] } }, 'filters.event_types'],
      [{ properties: { routing: { start_url: { values: [{ url: 'x' }] } } } }, 'filters.properties'],
      [{ properties: { rating: { score: { exists: true, values: [1] } } } }, 'filters.properties'],
      [{ customer_countries: { values: ['GBR'] } }, 'filters.customer_countries'],
      [{ thread_ids: Array.from({ length: 21 }, (_, i) => `T${i}`) }, 'filters.thread_ids'],
      [{ group_ids: Array.from({ length: 201 }, (_, i) => i) }, 'filters.group_ids'],
    ])('answers 400 validation to the filters %j', async (filters, field) => {
      const res = await call<{ error: { data: { field: string } } }>('list_archives', { filters });
      expect(res).toMatchObject({ status: 400, body: { error: { type: 'validation' } } });
      expect(res.body.error.data.field.startsWith(field)).toBe(true);
    });

    it('require_every_value: values needs all of them, exclude_values drops only threads with all', async () => {
      const tagged = (filter: unknown) =>
        call<ListArchivesResponse>('list_archives', { limit: 100, filters: { tags: filter } }).then((r) =>
          r.body.chats.map((c) => c.thread.tags ?? []),
        );
      expect(await tagged({ values: ['billing', 'refund'], require_every_value: true })).toEqual([
        ['billing', 'refund'],
      ]);
      const every = await tagged({ exclude_values: ['billing', 'refund'], require_every_value: true });
      expect(every).toContainEqual(['billing']);
      expect(every).not.toContainEqual(['billing', 'refund']);
      const any = await tagged({ exclude_values: ['billing', 'refund'] });
      expect(any.some((t) => t.includes('billing'))).toBe(false);
      expect(
        (await call('list_archives', { filters: { customer_countries: { values: ['gb'] } } })).status,
      ).toBe(200);
    });

    it('refuses a page_id older than one month (Pagination)', async () => {
      const first = (await call<ListArchivesResponse>('list_archives', { limit: 2 })).body;
      own.clock.advance(29 * 24 * 3600);
      const fresh = own.tokenFor(demoOwner);
      expect((await call('list_archives', { page_id: first.next_page_id }, fresh)).status).toBe(200);
      own.clock.advance(2 * 24 * 3600);
      const later = own.tokenFor(demoOwner);
      expect(await call('list_archives', { page_id: first.next_page_id }, later)).toMatchObject({
        status: 400,
        body: { error: { type: 'validation', data: { field: 'page_id', reason: 'page_id expired' } } },
      });
    });
  });
});
