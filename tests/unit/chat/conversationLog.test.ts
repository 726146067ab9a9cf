import { describe, expect, it } from 'vitest';
import { readChatValue } from '../../../src/chat/chatFields';
import { conversationSubject, conversationText } from '../../../src/chat/conversationLog';
import { buildChatSnapshot } from '../../support/factories/chatSnapshot';

/** A support chat as LiveChat archives it: two agents (a transfer), a multi-line message, both forms. */
const supportChat = buildChatSnapshot({
  chatId: 'RX12AB9ZQ1',
  startedAt: '2026-12-02T08:58:41.120Z',
  endedAt: '2026-12-02T09:14:05.000Z',
  tags: ['billing', 'refund'],
  group: { id: 2, name: 'Support' },
  visitor: { name: 'Jane Doe', email: 'jane.doe@example.com' },
  agents: [
    { name: 'Sam Support', email: 'sam.support@demo-shop.example' },
    { name: 'Bea Billing', email: 'bea.billing@demo-shop.example' },
  ],
  messages: [
    {
      authorName: 'Jane Doe',
      authorType: 'visitor',
      text: 'Hi, I was charged twice.',
      time: '2026-12-02T08:59:02Z',
    },
    {
      authorName: 'Sam Support',
      authorType: 'agent',
      text: 'Sorry to hear that! Could you give me the order number?',
      time: '2026-12-02T09:00:15Z',
    },
    {
      authorName: 'Jane Doe',
      authorType: 'visitor',
      text: 'Order 10442\nand 10443',
      time: '2026-12-02T09:01:40Z',
    },
    {
      authorName: 'Bea Billing',
      authorType: 'agent',
      text: 'The second charge is refunded; you will see it in 3 days.',
      time: '2026-12-02T09:12:58Z',
    },
  ],
  forms: {
    prechat: [
      { id: '1', label: 'Name', type: 'name', value: 'Jane Doe' },
      { id: '2', label: 'E-mail', type: 'email', value: 'jane.doe@example.com' },
      { id: '3', label: 'Topics', type: 'checkbox', value: ['Billing', 'Refunds'] },
      { id: '4', label: 'Order number', type: 'question', value: '  ' },
    ],
    postchat: [
      { id: '9', label: 'How would you rate us?', type: 'radio', value: 'Great' },
      { id: '10', label: 'Anything else?', type: 'textarea', value: 'Quick help, thanks' },
    ],
  },
});

describe('the conversation log', () => {
  it('names the visitor, the day and the chat in its subject', () => {
    expect(conversationSubject(supportChat)).toBe(
      'LiveChat chat with Jane Doe, 2 Dec 2026 (chat RX12AB9ZQ1)',
    );
  });

  it('names an anonymous visitor by email, else as a visitor', () => {
    expect(conversationSubject(buildChatSnapshot({ chatId: 'C1', visitor: { name: undefined } }))).toBe(
      'LiveChat chat with t.anderson@example.com, 28 May 2020 (chat C1)',
    );
    expect(
      conversationSubject(
        buildChatSnapshot({ chatId: 'C1', visitor: { name: undefined, email: undefined } }),
      ),
    ).toBe('LiveChat chat with a visitor, 28 May 2020 (chat C1)');
  });

  it('writes a header, the messages with times and names, then the answered form fields, in UTC', () => {
    expect(conversationText(supportChat)).toBe(
      [
        'LiveChat chat with Jane Doe, 2 Dec 2026 (chat RX12AB9ZQ1)',
        '',
        'Visitor: Jane Doe <jane.doe@example.com>',
        'Agents: Sam Support, Bea Billing',
        'Started: 2 Dec 2026, 08:58 (UTC)',
        'Ended: 2 Dec 2026, 09:14 (UTC)',
        'Group: Support',
        'Tags: billing, refund',
        'Chat in LiveChat: https://my.livechatinc.com/archives/K600PKZON8',
        '',
        'Conversation',
        '[08:59] Jane Doe: Hi, I was charged twice.',
        '[09:00] Sam Support: Sorry to hear that! Could you give me the order number?',
        '[09:01] Jane Doe: Order 10442\nand 10443',
        '[09:12] Bea Billing: The second charge is refunded; you will see it in 3 days.',
        '',
        'Pre-chat form',
        'Name: Jane Doe',
        'E-mail: jane.doe@example.com',
        'Topics: Billing, Refunds',
        '',
        'Post-chat form',
        'How would you rate us?: Great',
        'Anything else?: Quick help, thanks',
      ].join('\n'),
    );
  });

  it("shows times in the license's time zone when the chat says it, the day included", () => {
    const inTokyo = { ...supportChat, timeZone: 'Asia/Tokyo', startedAt: '2026-12-02T20:30:00Z' };
    const text = conversationText(inTokyo);
    expect(conversationSubject(inTokyo)).toContain('3 Dec 2026');
    expect(text).toContain('Started: 3 Dec 2026, 05:30 (Asia/Tokyo)');
    expect(text).toContain('[17:59] Jane Doe: Hi, I was charged twice.');
    expect(readChatValue(inTokyo, 'chat.transcript')).toMatch(/^\[17:59\] Jane Doe/);
  });

  it('falls back to UTC for a time zone the runtime does not know', () => {
    expect(conversationText({ ...supportChat, timeZone: 'Mars/Olympus' })).toContain(
      'Started: 2 Dec 2026, 08:58 (UTC)',
    );
  });

  it('says when the chat has no messages or has not ended, and leaves out unanswered forms', () => {
    const text = conversationText(
      buildChatSnapshot({ messages: [], endedAt: undefined, forms: { prechat: [], postchat: [] } }),
    );
    expect(text).toContain('Ended: not yet');
    expect(text).toContain('Conversation\n(no messages)');
    expect(text).not.toContain('Pre-chat form');
    expect(text).not.toContain('Post-chat form');
  });

  it('is offered as the chat.subject and chat.conversation sources', () => {
    expect(readChatValue(supportChat, 'chat.subject')).toBe(conversationSubject(supportChat));
    expect(readChatValue(supportChat, 'chat.conversation')).toBe(conversationText(supportChat));
  });
});
