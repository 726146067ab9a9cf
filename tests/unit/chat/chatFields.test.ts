import { describe, expect, it } from 'vitest';
import {
  builtInChatFields,
  catalogueChatFields,
  chatSourceIdSchema,
  describeChatSource,
  discoverChatFields,
  readChatValue,
  splitName,
} from '../../../src/chat/chatFields';
import { buildChatSnapshot } from '../../support/factories/chatSnapshot';

describe('the built-in chat fields', () => {
  it('cover the chat, the visitor and the agent, each with a label and a kind of value', () => {
    const ids = builtInChatFields.map((field) => field.id);

    expect(ids).toEqual(
      expect.arrayContaining([
        'chat.id',
        'chat.link',
        'chat.startedAt',
        'chat.endedAt',
        'chat.tags',
        'chat.group',
        'chat.transcript',
        'visitor.name',
        'visitor.firstName',
        'visitor.lastName',
        'visitor.email',
        'visitor.ip',
        'visitor.city',
        'visitor.country',
        'visitor.pageUrl',
        'visitor.referrer',
        'agent.name',
        'agent.email',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtInChatFields.find((field) => field.id === 'chat.tags')).toMatchObject({
      group: 'Chat',
      kind: 'list',
    });
    expect(builtInChatFields.find((field) => field.id === 'chat.endedAt')).toMatchObject({
      kind: 'datetime',
    });
    expect(builtInChatFields.find((field) => field.id === 'agent.email')).toMatchObject({
      group: 'Agent',
      kind: 'text',
    });
  });
});

describe('chatSourceIdSchema', () => {
  it('accepts built-in ids and named custom variables and form fields', () => {
    for (const id of ['visitor.email', 'customVariable:plan', 'prechat:Your name', 'postchat:Rate: us?']) {
      expect(chatSourceIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('refuses unknown ids and prefixes without a name, saying what to pick', () => {
    for (const id of ['visitor.shoeSize', 'customVariable:', 'prechat', 'Visitor.Email', 42]) {
      const result = chatSourceIdSchema.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Unknown chat value .*custom variable or form field/);
    }
  });
});

describe('describeChatSource', () => {
  it('names built-in and discovered sources in plain words', () => {
    expect(describeChatSource('visitor.email')).toBe('Visitor email');
    expect(describeChatSource('customVariable:plan')).toBe('custom variable "plan"');
    expect(describeChatSource('prechat:Company')).toBe('pre-chat form field "Company"');
    expect(describeChatSource('postchat:Comments')).toBe('post-chat form field "Comments"');
  });
});

describe('splitName', () => {
  it('takes the last word as the last name and the rest as the first name', () => {
    expect(splitName('Thomas Anderson')).toEqual({ firstName: 'Thomas', lastName: 'Anderson' });
    expect(splitName('  Mary  Jane   Watson ')).toEqual({ firstName: 'Mary Jane', lastName: 'Watson' });
  });

  it('gives a single word as the last name only', () => {
    expect(splitName('Neo')).toEqual({ lastName: 'Neo' });
  });

  it('gives nothing for a blank name', () => {
    expect(splitName('   ')).toEqual({});
  });

  it('keeps non-ASCII names whole', () => {
    expect(splitName('Zoë Łukasiewicz-Müller')).toEqual({ firstName: 'Zoë', lastName: 'Łukasiewicz-Müller' });
    expect(splitName('山田 太郎')).toEqual({ firstName: '山田', lastName: '太郎' });
  });
});

describe('readChatValue', () => {
  const chat = buildChatSnapshot();

  it('reads every built-in source', () => {
    expect(readChatValue(chat, 'chat.id')).toBe('PJ0MRSHTDG');
    expect(readChatValue(chat, 'chat.link')).toBe('https://my.livechatinc.com/archives/K600PKZON8');
    expect(readChatValue(chat, 'chat.startedAt')).toBe('2020-05-28T11:44:58.829Z');
    expect(readChatValue(chat, 'chat.endedAt')).toBe('2020-05-28T11:52:10.000Z');
    expect(readChatValue(chat, 'chat.tags')).toEqual(['sales']);
    expect(readChatValue(chat, 'chat.group')).toBe('General');
    expect(readChatValue(chat, 'chat.transcript')).toMatch(/^\[11:45\] Thomas Anderson: Hello/);
    expect(readChatValue(chat, 'visitor.name')).toBe('Thomas Anderson');
    expect(readChatValue(chat, 'visitor.firstName')).toBe('Thomas');
    expect(readChatValue(chat, 'visitor.lastName')).toBe('Anderson');
    expect(readChatValue(chat, 'visitor.email')).toBe('t.anderson@example.com');
    expect(readChatValue(chat, 'visitor.ip')).toBe('203.0.113.7');
    expect(readChatValue(chat, 'visitor.city')).toBe('Wroclaw');
    expect(readChatValue(chat, 'visitor.region')).toBe('Dolnoslaskie');
    expect(readChatValue(chat, 'visitor.country')).toBe('Poland');
    expect(readChatValue(chat, 'visitor.countryCode')).toBe('PL');
    expect(readChatValue(chat, 'visitor.pageUrl')).toBe('https://shop.example/pricing');
    expect(readChatValue(chat, 'visitor.pageTitle')).toBe('Pricing');
    expect(readChatValue(chat, 'visitor.referrer')).toBe('https://www.google.com/');
    expect(readChatValue(chat, 'agent.name')).toBe('Agent Smith');
    expect(readChatValue(chat, 'agent.email')).toBe('smith@example.com');
  });

  it('reads custom variables and form answers by name', () => {
    expect(readChatValue(chat, 'customVariable:plan')).toBe('pro');
    expect(readChatValue(chat, 'prechat:Company')).toBe('ACME');
    expect(readChatValue(chat, 'prechat:Company industry')).toEqual(['automotive', 'it']);
    expect(readChatValue(chat, 'postchat:How would you rate us?')).toBe('Great');
  });

  it('gives the group id when the group name is unknown', () => {
    expect(readChatValue(buildChatSnapshot({ group: { id: 19 } }), 'chat.group')).toBe('19');
  });

  it('gives undefined for values the chat does not have, blank text and empty lists included', () => {
    const sparse = buildChatSnapshot({
      endedAt: undefined,
      tags: [],
      group: undefined,
      agents: [],
      customVariables: { plan: '  ' },
      visitor: { name: undefined, email: '', city: undefined },
      forms: { prechat: [{ label: 'Company', type: 'question', value: '' }], postchat: [] },
    });

    for (const source of [
      'chat.endedAt',
      'chat.tags',
      'chat.group',
      'visitor.name',
      'visitor.firstName',
      'visitor.lastName',
      'visitor.email',
      'visitor.city',
      'agent.name',
      'agent.email',
      'customVariable:plan',
      'customVariable:missing',
      'prechat:Company',
      'prechat:Nothing like this',
      'postchat:Comments',
    ] as const) {
      expect(readChatValue(sparse, source), source).toBeUndefined();
    }
  });

  it('has no first name for a one-word visitor name', () => {
    const chat = buildChatSnapshot({ visitor: { name: 'Neo' } });

    expect(readChatValue(chat, 'visitor.firstName')).toBeUndefined();
    expect(readChatValue(chat, 'visitor.lastName')).toBe('Neo');
  });

  it('takes the answered one when a form has the same label twice', () => {
    const chat = buildChatSnapshot({
      forms: {
        prechat: [
          { label: 'Phone', type: 'question', value: '' },
          { label: 'Phone', type: 'question', value: '+48 600 100 200' },
        ],
      },
    });

    expect(readChatValue(chat, 'prechat:Phone')).toBe('+48 600 100 200');
  });
});

/** When the factory's chat ended: where its fields were last seen. */
const ended = buildChatSnapshot().endedAt!;

describe('discoverChatFields', () => {
  it('lists custom variables, then pre-chat and post-chat fields, with a sample and where it was seen', () => {
    const fields = discoverChatFields([buildChatSnapshot()]);

    expect(fields).toEqual([
      {
        id: 'customVariable:plan',
        label: 'plan',
        group: 'Custom variables',
        kind: 'text',
        sample: 'pro',
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
      {
        id: 'customVariable:user_id',
        label: 'user_id',
        group: 'Custom variables',
        kind: 'text',
        sample: '42',
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
      {
        id: 'prechat:Company',
        label: 'Company',
        group: 'Pre-chat form',
        kind: 'text',
        sample: 'ACME',
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
      {
        id: 'prechat:Company industry',
        label: 'Company industry',
        group: 'Pre-chat form',
        kind: 'list',
        sample: ['automotive', 'it'],
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
      {
        id: 'postchat:How would you rate us?',
        label: 'How would you rate us?',
        group: 'Post-chat form',
        kind: 'text',
        sample: 'Great',
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
    ]);
  });

  it('lists each field once, counting the distinct chats it appeared in (threads of one chat count once)', () => {
    const latest = buildChatSnapshot({ chatId: 'CHAT3', customVariables: { plan: 'team' } });
    const otherThread = buildChatSnapshot({
      chatId: 'CHAT3',
      threadId: 'T2',
      customVariables: { plan: 'team' },
    });
    const older = buildChatSnapshot({ chatId: 'CHAT1', customVariables: { plan: 'pro', coupon: 'SPRING' } });

    const fields = discoverChatFields([latest, otherThread, older]);
    const plan = fields.find((field) => field.id === 'customVariable:plan');
    const coupon = fields.find((field) => field.id === 'customVariable:coupon');

    expect(fields.filter((field) => field.id === 'customVariable:plan')).toHaveLength(1);
    expect(plan).toMatchObject({ sample: 'team', seenInChatId: 'CHAT3', chatCount: 2 });
    expect(coupon).toMatchObject({ sample: 'SPRING', seenInChatId: 'CHAT1', chatCount: 1 });
  });

  it('says when each field was last seen: the latest end of a chat that had it, else its start', () => {
    const live = buildChatSnapshot({
      chatId: 'LIVE',
      startedAt: '2026-03-04T09:00:00.000Z',
      endedAt: undefined,
      customVariables: { plan: 'team' },
    });
    const older = buildChatSnapshot({
      chatId: 'OLD',
      startedAt: '2026-03-01T09:00:00.000Z',
      endedAt: '2026-03-01T09:30:00.000Z',
      customVariables: { plan: 'pro', coupon: 'SPRING' },
    });

    const fields = discoverChatFields([older, live]);

    expect(fields.find((f) => f.id === 'customVariable:plan')?.lastSeenAt).toBe('2026-03-04T09:00:00.000Z');
    expect(fields.find((f) => f.id === 'customVariable:coupon')?.lastSeenAt).toBe('2026-03-01T09:30:00.000Z');
  });

  it('takes the sample from the first chat that has a value', () => {
    const empty = buildChatSnapshot({ chatId: 'NEW', customVariables: { plan: '' } });
    const filled = buildChatSnapshot({ chatId: 'OLD', customVariables: { plan: 'pro' } });

    expect(
      discoverChatFields([empty, filled]).find((field) => field.id === 'customVariable:plan'),
    ).toMatchObject({
      sample: 'pro',
      seenInChatId: 'OLD',
      chatCount: 2,
    });
  });

  it('lists a field that was always empty, without a sample', () => {
    const chat = buildChatSnapshot({
      customVariables: {},
      forms: { prechat: [{ label: 'Phone', type: 'question', value: '' }], postchat: [] },
    });

    expect(discoverChatFields([chat])).toEqual([
      {
        id: 'prechat:Phone',
        label: 'Phone',
        group: 'Pre-chat form',
        kind: 'text',
        seenInChatId: 'PJ0MRSHTDG',
        chatCount: 1,
        lastSeenAt: ended,
      },
    ]);
  });

  it('keeps a pre-chat and a post-chat field of the same label apart', () => {
    const chat = buildChatSnapshot({
      customVariables: {},
      forms: {
        prechat: [{ label: 'Email', type: 'email', value: 'a@example.com' }],
        postchat: [{ label: 'Email', type: 'email', value: 'b@example.com' }],
      },
    });

    expect(discoverChatFields([chat]).map((field) => field.id)).toEqual(['prechat:Email', 'postchat:Email']);
  });

  it('finds nothing in no chats, or in chats without custom variables or forms', () => {
    expect(discoverChatFields([])).toEqual([]);
    expect(
      discoverChatFields([buildChatSnapshot({ customVariables: {}, forms: { prechat: [], postchat: [] } })]),
    ).toEqual([]);
  });
});

describe('splitName of LiveChat’s default visitor name', () => {
  it('keeps "Visitor 7310" whole as the last name, with no first name', () => {
    expect(splitName('Visitor 7310')).toEqual({ lastName: 'Visitor 7310' });
    expect(splitName('  visitor 42 ')).toEqual({ lastName: 'visitor 42' });
    expect(splitName('Visitor Smith')).toEqual({ firstName: 'Visitor', lastName: 'Smith' });
  });
});

describe('catalogueChatFields', () => {
  const declaration = (valueKind: 'text' | 'datetime' | 'list' | null = null) => ({
    id: 'd1',
    declaredAt: '2026-03-05T08:00:00.000Z',
    declaredBy: 'olivia.owner@demo-shop.example',
    valueKind,
  });

  it('lists a declared field no chat had yet, as not seen, in catalogue order', () => {
    const found = discoverChatFields([buildChatSnapshot()]);

    const fields = catalogueChatFields(found, [
      { sourceKind: 'prechat', name: 'Budget', declaration: declaration('datetime') },
    ]);

    expect(fields.map((f) => f.id)).toEqual([
      'customVariable:plan',
      'customVariable:user_id',
      'prechat:Budget',
      'prechat:Company',
      'prechat:Company industry',
      'postchat:How would you rate us?',
    ]);
    expect(fields.find((f) => f.id === 'prechat:Budget')).toEqual({
      id: 'prechat:Budget',
      label: 'Budget',
      group: 'Pre-chat form',
      kind: 'datetime',
      seenInChatId: null,
      chatCount: 0,
      lastSeenAt: null,
      declared: declaration('datetime'),
    });
    expect(fields.find((f) => f.id === 'prechat:Company')?.declared).toBeNull();
  });

  it('marks a declared field that chats have as both, keeping what the scan saw', () => {
    const found = discoverChatFields([buildChatSnapshot()]);

    const [plan] = catalogueChatFields(found, [
      { sourceKind: 'customVariable', name: 'plan', declaration: declaration() },
    ]);

    expect(plan).toMatchObject({ id: 'customVariable:plan', sample: 'pro', chatCount: 1, kind: 'text' });
    expect(plan?.declared).toEqual(declaration());
  });

  it('takes the declared kind of value over what the chats show, and the chats’ when none was said', () => {
    const found = discoverChatFields([buildChatSnapshot()]);
    const industry = (valueKind: 'text' | null) =>
      catalogueChatFields(found, [
        { sourceKind: 'prechat', name: 'Company industry', declaration: declaration(valueKind) },
      ]).find((f) => f.id === 'prechat:Company industry')?.kind;

    expect(industry(null)).toBe('list');
    expect(industry('text')).toBe('text');
  });
});
