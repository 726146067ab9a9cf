import { chatSnapshotSchema, type ChatSnapshot, type ChatVisitor } from '../../../src/chat/chat';

export type ChatSnapshotOverrides = Partial<Omit<ChatSnapshot, 'visitor' | 'forms'>> & {
  /** Merged into the default visitor; give `undefined` to remove a default value. */
  visitor?: Partial<ChatVisitor>;
  forms?: Partial<ChatSnapshot['forms']>;
};

/** A finished chat between Thomas Anderson and Agent Smith, valid by `chatSnapshotSchema`. */
export function buildChatSnapshot(overrides: ChatSnapshotOverrides = {}): ChatSnapshot {
  const { visitor, forms, ...rest } = overrides;
  return chatSnapshotSchema.parse({
    chatId: 'PJ0MRSHTDG',
    threadId: 'K600PKZON8',
    licenseId: '104130623',
    link: 'https://my.livechatinc.com/archives/K600PKZON8',
    startedAt: '2020-05-28T11:44:58.829Z',
    endedAt: '2020-05-28T11:52:10.000Z',
    tags: ['sales'],
    group: { id: 0, name: 'General' },
    messages: [
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
    ],
    agents: [{ name: 'Agent Smith', email: 'smith@example.com' }],
    customVariables: { plan: 'pro', user_id: '42' },
    ...rest,
    visitor: stripUndefined({
      name: 'Thomas Anderson',
      email: 't.anderson@example.com',
      ip: '203.0.113.7',
      city: 'Wroclaw',
      region: 'Dolnoslaskie',
      country: 'Poland',
      countryCode: 'PL',
      pageUrl: 'https://shop.example/pricing',
      pageTitle: 'Pricing',
      referrer: 'https://www.google.com/',
      ...visitor,
    }),
    forms: {
      prechat: [
        { id: '154417206262601585', label: 'Company', type: 'question', value: 'ACME' },
        {
          id: '154417206262604640',
          label: 'Company industry',
          type: 'checkbox',
          value: ['automotive', 'it'],
        },
      ],
      postchat: [{ id: '2001', label: 'How would you rate us?', type: 'radio', value: 'Great' }],
      ...forms,
    },
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
