import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../src/mapping/mapping';
import { resolve } from '../../../src/mapping/resolve';
import { buildChatSnapshot } from '../../support/factories/chatSnapshot';
import { autoMatchAgentUser, buildMapping } from '../../support/factories/mapping';

const mapping = (fields: Mapping['fields']): Mapping => buildMapping({ fields, automation: true });

describe('resolve', () => {
  it('gives static values as configured, empty ones included', () => {
    const result = resolve(
      mapping([
        { entryType: 'static', field: 'Company', value: 'ACME' },
        { entryType: 'static', field: 'NumberOfEmployees', value: 12 },
        { entryType: 'static', field: 'HasOptedOutOfEmail', value: false },
        { entryType: 'static', field: 'Interests__c', value: ['it', 'retail'] },
        { entryType: 'static', field: 'OwnerId', value: '005000000000001AAA', display: 'Agent Smith' },
        { entryType: 'static', field: 'Description', value: null },
      ]),
      buildChatSnapshot(),
    );

    expect(result).toEqual({
      values: {
        Company: 'ACME',
        NumberOfEmployees: 12,
        HasOptedOutOfEmail: false,
        Interests__c: ['it', 'retail'],
        OwnerId: '005000000000001AAA',
        Description: null,
      },
      lookups: [],
      missing: [],
      chatRecords: [],
    });
  });

  it('reads dynamic values from the chat, lists and times as they are', () => {
    const result = resolve(
      mapping([
        { entryType: 'dynamic', field: 'FirstName', source: 'visitor.firstName' },
        { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
        { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
        { entryType: 'dynamic', field: 'Chat_Started__c', source: 'chat.startedAt' },
        { entryType: 'dynamic', field: 'Interests__c', source: 'prechat:Company industry' },
        { entryType: 'dynamic', field: 'Plan__c', source: 'customVariable:plan' },
        { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
      ]),
      buildChatSnapshot(),
    );

    expect(result.values).toEqual({
      FirstName: 'Thomas',
      LastName: 'Anderson',
      Email: 't.anderson@example.com',
      Chat_Started__c: '2020-05-28T11:44:58.829Z',
      Interests__c: ['automotive', 'it'],
      Plan__c: 'pro',
      Description:
        '[11:45] Thomas Anderson: Hello, I would like a quote.\n[11:46] Agent Smith: Sure, for how many seats?',
    });
    expect(result.missing).toEqual([]);
  });

  it('lists dynamic fields whose chat value is missing, and leaves them out of the values', () => {
    const chat = buildChatSnapshot({ visitor: { email: undefined }, customVariables: {} });

    const result = resolve(
      mapping([
        { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
        { entryType: 'dynamic', field: 'Plan__c', source: 'customVariable:plan' },
        { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      ]),
      chat,
    );

    expect(result.values).toEqual({ LastName: 'Anderson' });
    expect(result.missing).toEqual([
      { field: 'Email', source: 'visitor.email', entryType: 'dynamic' },
      { field: 'Plan__c', source: 'customVariable:plan', entryType: 'dynamic' },
    ]);
  });

  it('turns Auto-Match fields into lookups still to run', () => {
    const result = resolve(mapping([autoMatchAgentUser('OwnerId')]), buildChatSnapshot());

    expect(result).toEqual({
      values: {},
      lookups: [{ field: 'OwnerId', object: 'User', matchField: 'Email', value: 'smith@example.com' }],
      missing: [],
      chatRecords: [],
    });
  });

  it('lists an Auto-Match whose chat value is missing instead of looking it up', () => {
    const result = resolve(mapping([autoMatchAgentUser('OwnerId')]), buildChatSnapshot({ agents: [] }));

    expect(result.lookups).toEqual([]);
    expect(result.missing).toEqual([{ field: 'OwnerId', source: 'agent.email', entryType: 'autoMatch' }]);
  });

  it('looks up the first item of a list value', () => {
    const result = resolve(
      mapping([
        {
          entryType: 'autoMatch',
          field: 'Campaign__c',
          match: { object: 'Campaign', field: 'Name', source: 'chat.tags' },
        },
      ]),
      buildChatSnapshot({ tags: ['spring-sale', 'vip'] }),
    );

    expect(result.lookups).toEqual([
      { field: 'Campaign__c', object: 'Campaign', matchField: 'Name', value: 'spring-sale' },
    ]);
  });

  it('keeps non-ASCII chat values unchanged', () => {
    const chat = buildChatSnapshot({ visitor: { name: 'Zoë Łukasiewicz-Müller' } });

    const result = resolve(
      mapping([{ entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' }]),
      chat,
    );

    expect(result.values).toEqual({ LastName: 'Łukasiewicz-Müller' });
  });

  it('gives nothing for a mapping without fields', () => {
    expect(resolve(mapping([]), buildChatSnapshot())).toEqual({
      values: {},
      lookups: [],
      missing: [],
      chatRecords: [],
    });
  });

  it("lists the fields that take this chat's record of another mapping, without a value", () => {
    const result = resolve(
      mapping([
        { entryType: 'chatRecord', field: 'ConvertedContactId', object: 'Contact' },
        { entryType: 'static', field: 'Company', value: 'ACME' },
      ]),
      buildChatSnapshot(),
    );

    expect(result.chatRecords).toEqual([{ field: 'ConvertedContactId', object: 'Contact' }]);
    expect(result.values).toEqual({ Company: 'ACME' });
  });
});
