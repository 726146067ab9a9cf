import { describe, expect, it } from 'vitest';
import { chatSnapshotSchema } from '../../../src/chat/chat';
import {
  chatLink,
  chatSnapshotFromLiveChat,
  DEFAULT_APP_LINK_BASE,
  LiveChatDataError,
} from '../../../src/chat/fromLiveChat';
import { getChatResponse } from './fixtures/getChatResponse';

const options = { licenseId: 104130623, groups: [{ id: 0, name: 'General' }] };

describe('chatSnapshotFromLiveChat', () => {
  it('reads the chat, its thread and its visitor from a get_chat response', () => {
    const snapshot = chatSnapshotFromLiveChat(getChatResponse(), options);

    expect(chatSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({
      chatId: 'PJ0MRSHTDG',
      threadId: 'K600PKZON8',
      licenseId: '104130623',
      link: 'https://my.livechatinc.com/archives/K600PKZON8',
      startedAt: '2020-05-28T11:44:58.829Z',
      endedAt: '2020-05-28T11:52:10.000Z',
      tags: ['sales'],
      group: { id: 0, name: 'General' },
      agents: [{ name: 'Agent Smith', email: 'smith@example.com' }],
      customVariables: { plan: 'pro', user_id: '42' },
    });
    expect(snapshot.visitor).toEqual({
      name: 'Thomas Anderson',
      email: 't.anderson@example.com',
      ip: '203.0.113.7',
      city: 'Wroclaw',
      region: 'Dolnoslaskie',
      country: 'Poland',
      countryCode: 'PL',
      pageUrl: 'https://shop.example/pricing',
      pageTitle: 'Pricing',
      referrer: 'http://www.google.com/',
    });
  });

  it('keeps messages and files the visitor saw, with author names, and leaves out internal notes and system messages', () => {
    const snapshot = chatSnapshotFromLiveChat(getChatResponse(), options);

    expect(snapshot.messages).toEqual([
      {
        authorName: 'Thomas Anderson',
        authorType: 'visitor',
        text: 'Hello, I would like a quote.',
        time: '2020-05-28T11:45:02.000Z',
      },
      {
        authorName: 'Agent Smith',
        authorType: 'agent',
        text: 'Sure, for how many seats?',
        time: '2020-05-28T11:46:30.000Z',
      },
      {
        authorName: 'Thomas Anderson',
        authorType: 'visitor',
        text: 'seats.png https://cdn.livechat-files.com/api/file/seats.png',
        time: '2020-05-28T11:47:00.000Z',
      },
    ]);
  });

  it('reads every pre-chat and post-chat field type into text or a list of chosen labels', () => {
    const { forms } = chatSnapshotFromLiveChat(getChatResponse(), options);

    expect(forms.prechat).toEqual([
      { id: '154417206262603539', label: 'Your name', type: 'name', value: 'Thomas Anderson' },
      { id: '154417206262601584', label: 'Your email', type: 'email', value: 't.anderson@example.com' },
      { id: '154417206262601585', label: 'Company', type: 'question', value: 'ACME' },
      { id: '154417206262602571', label: 'Chat purpose', type: 'radio', value: 'Support' },
      { id: '154417206262604640', label: 'Company industry', type: 'checkbox', value: ['automotive', 'it'] },
      { id: '154417206262605324', label: 'Choose department', type: 'group_chooser', value: 'Marketing' },
    ]);
    expect(forms.postchat).toEqual([
      { id: '2001', label: 'How would you rate us?', type: 'radio', value: 'Great' },
      { id: '2002', label: 'Comments', type: 'textarea', value: '' },
    ]);
  });

  it('tells pre-chat from post-chat forms by position when an old chat has no form_type', () => {
    const json = getChatResponse();
    for (const event of json.thread.events) {
      delete (event as { form_type?: string }).form_type;
      delete (event as { properties?: unknown }).properties;
    }

    const { forms } = chatSnapshotFromLiveChat(json, options);

    expect(forms.prechat.map((field) => field.label)).toContain('Company');
    expect(forms.postchat.map((field) => field.label)).toEqual(['How would you rate us?', 'Comments']);
  });

  it('takes the form_type from the lc2 property when the event has none', () => {
    const json = getChatResponse();
    const postchat = json.thread.events[6] as { form_type?: string; properties?: unknown };
    delete postchat.form_type;
    postchat.properties = { lc2: { form_type: 'postchat' } };

    expect(chatSnapshotFromLiveChat(json, options).forms.postchat).toHaveLength(2);
  });

  it('falls back to the pre-chat answers for a visitor without name or email', () => {
    const json = getChatResponse();
    const customer = json.users[0] as { name?: string; email?: string };
    delete customer.name;
    delete customer.email;

    const { visitor, messages } = chatSnapshotFromLiveChat(json, options);

    expect(visitor.name).toBe('Thomas Anderson');
    expect(visitor.email).toBe('t.anderson@example.com');
    expect(messages[0]?.authorName).toBe('Visitor');
  });

  it('leaves out what an anonymous visitor never gave', () => {
    const json = getChatResponse();
    json.users[0] = {
      id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
      type: 'customer',
    } as (typeof json.users)[0];
    json.thread.events = json.thread.events.filter((event) => event.type !== 'filled_form');
    delete (json.thread as { properties?: unknown }).properties;

    const snapshot = chatSnapshotFromLiveChat(json, options);

    expect(snapshot.visitor).toEqual({});
    expect(snapshot.customVariables).toEqual({});
    expect(snapshot.forms).toEqual({ prechat: [], postchat: [] });
  });

  it('has no end time while the thread is active, and no group name without the license groups', () => {
    const json = getChatResponse();
    json.thread.active = true;

    const snapshot = chatSnapshotFromLiveChat(json, { licenseId: '104130623' });

    expect(snapshot.endedAt).toBeUndefined();
    expect(snapshot.group).toEqual({ id: 0 });
  });

  it('builds the link from the given Agent App base', () => {
    const snapshot = chatSnapshotFromLiveChat(getChatResponse(), {
      ...options,
      appLinkBase: 'http://127.0.0.1:4020/agent-app/',
    });

    expect(snapshot.link).toBe('http://127.0.0.1:4020/agent-app/archives/K600PKZON8');
  });

  it('links to the Agent App’s archive: the thread when known, else a search for the chat', () => {
    expect(chatLink(DEFAULT_APP_LINK_BASE, 'PJ0MRSHTDG', 'K600PKZON8')).toBe(
      'https://my.livechatinc.com/archives/K600PKZON8',
    );
    expect(chatLink(DEFAULT_APP_LINK_BASE, 'PJ0MRSHTDG', null)).toBe(
      'https://my.livechatinc.com/archives/?query=PJ0MRSHTDG',
    );
  });

  it('orders agents by who answered first', () => {
    const json = getChatResponse();
    json.users.splice(1, 0, {
      id: 'jones@example.com',
      type: 'agent',
      name: 'Jones',
      email: 'jones@example.com',
    } as (typeof json.users)[0]);

    const { agents } = chatSnapshotFromLiveChat(json, options);

    expect(agents.map((agent) => agent.email)).toEqual(['smith@example.com', 'jones@example.com']);
  });

  it('turns session fields that are not text into text', () => {
    const json = getChatResponse();
    (json.users[0] as { session_fields: unknown[] }).session_fields = [
      { seats: 12 },
      { vip: true },
      { gone: null },
    ];

    expect(chatSnapshotFromLiveChat(json, options).customVariables).toEqual({ seats: '12', vip: 'true' });
  });

  it('accepts a list_archives item and the Chat structure with a list of threads', () => {
    const { thread, ...chat } = getChatResponse();

    const snapshot = chatSnapshotFromLiveChat({ ...chat, threads: [thread] }, options);

    expect(snapshot.threadId).toBe('K600PKZON8');
  });

  it('preserves non-ASCII text', () => {
    const json = getChatResponse();
    (json.users[0] as { name: string }).name = 'Zoë Łukasiewicz-Müller';
    (json.thread.events[1] as { text: string }).text = 'Dzień dobry! 你好 👋';

    const snapshot = chatSnapshotFromLiveChat(json, options);

    expect(snapshot.visitor.name).toBe('Zoë Łukasiewicz-Müller');
    expect(snapshot.messages[0]?.text).toBe('Dzień dobry! 你好 👋');
  });

  it('fails with a clear error when the JSON is not a chat', () => {
    const json = getChatResponse();
    (json.thread as { created_at: unknown }).created_at = 'yesterday';
    (json.users[1] as { type: unknown }).type = 7;

    expect(() => chatSnapshotFromLiveChat(json, options)).toThrow(LiveChatDataError);
    try {
      chatSnapshotFromLiveChat(json, options);
    } catch (error) {
      expect((error as Error).message).toMatch(/not in the expected format/);
      expect((error as Error).message).toMatch(/thread\.created_at/);
      expect((error as Error).message).toMatch(/users\[1\]\.type/);
    }
  });

  it('fails clearly for a chat without a thread', () => {
    const { thread: _thread, ...chat } = getChatResponse();

    expect(() => chatSnapshotFromLiveChat(chat, options)).toThrow(/the chat has no thread/);
  });

  it('fails clearly for something that is not an object', () => {
    expect(() => chatSnapshotFromLiveChat('PJ0MRSHTDG', options)).toThrow(LiveChatDataError);
  });
});
