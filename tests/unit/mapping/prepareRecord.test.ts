import { describe, expect, it } from 'vitest';
import { conversationText } from '../../../src/chat/conversationLog';
import type { Mapping } from '../../../src/mapping/mapping';
import { newConversationMapping } from '../../../src/mapping/newMapping';
import { prepareRecord } from '../../../server/mappings/prepareRecord';
import { buildChatSnapshot } from '../../support/factories/chatSnapshot';
import { buildMapping } from '../../support/factories/mapping';
import { caseMeta, taskMeta } from './linkedSetMetadata';

const SUPPORT = '0125g0000000SupAAA';

const caseMapping = (overrides: Partial<Mapping> = {}) =>
  buildMapping({
    objectName: 'Case',
    fields: [
      { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
      { entryType: 'static', field: 'Origin', value: 'Web' },
      { entryType: 'chatRecord', field: 'ContactId', object: 'Contact' },
    ],
    ...overrides,
  });
const contact = buildMapping({ objectName: 'Contact', fields: [] });
const chat = buildChatSnapshot();

describe('prepareRecord', () => {
  it('lists the chat-record fields for the writer, checked but left out of the values', () => {
    const prepared = prepareRecord(caseMapping(), chat, caseMeta, {});
    expect(prepared.chatRecords).toEqual([{ field: 'ContactId', object: 'Contact' }]);
    expect(prepared.values).toEqual({
      Subject: 'LiveChat chat with Thomas Anderson, 28 May 2020 (chat PJ0MRSHTDG)',
      Origin: 'Web',
    });
    expect(prepared.problems).toEqual([]);
    expect(prepared.conversation).toBeUndefined();
  });

  it('sends the record type as RecordTypeId, and checks picklists against its values when given', () => {
    const mapping = caseMapping({ recordTypeId: SUPPORT });
    expect(prepareRecord(mapping, chat, caseMeta, {}).values.RecordTypeId).toBe(SUPPORT);
    const narrowed = prepareRecord(
      mapping,
      chat,
      caseMeta,
      {},
      {
        recordTypePicklists: {
          Origin: { values: [{ value: 'Chat', label: 'Chat' }], defaultValue: 'Chat' },
        },
      },
    );
    expect(narrowed.problems).toEqual([
      expect.objectContaining({ path: 'values.Origin', code: 'invalid_picklist_value' }),
    ]);
    expect(narrowed.values.Origin).toBeUndefined();
  });

  it('ignores record-type picklists for a mapping without a record type', () => {
    const prepared = prepareRecord(
      caseMapping(),
      chat,
      caseMeta,
      {},
      {
        recordTypePicklists: { Origin: { values: [], defaultValue: null } },
      },
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.values.RecordTypeId).toBeUndefined();
  });

  it('prepares the conversation log as a completed Task linked to the chat’s records', () => {
    const log = newConversationMapping(taskMeta, [contact, caseMapping()]);
    const prepared = prepareRecord(log, chat, taskMeta, {});
    expect(prepared.conversation).toEqual({
      as: 'task',
      subject: 'LiveChat chat with Thomas Anderson, 28 May 2020 (chat PJ0MRSHTDG)',
      text: conversationText(chat),
    });
    expect(prepared.values).toEqual({
      Subject: prepared.conversation!.subject,
      Description: conversationText(chat),
      Status: 'Completed',
      ActivityDate: '2020-05-28',
    });
    expect(prepared.chatRecords).toEqual([
      { field: 'WhoId', object: 'Contact' },
      { field: 'WhatId', object: 'Case' },
    ]);
    expect(prepared.problems).toEqual([]);
  });

  it('makes it a Note, whole, when the text is longer than a Task’s Description, or when asked', () => {
    const log = newConversationMapping(taskMeta, [contact]);
    const long = buildChatSnapshot({
      messages: Array.from({ length: 400 }, (_, i) => ({
        authorName: i % 2 ? 'Agent Smith' : 'Thomas Anderson',
        authorType: i % 2 ? ('agent' as const) : ('visitor' as const),
        text: `Message ${i}: ${'lorem ipsum '.repeat(8)}`,
        time: '2020-05-28T11:45:02.000Z',
      })),
    });
    const text = conversationText(long);
    expect(text.length).toBeGreaterThan(40_000);
    const prepared = prepareRecord(log, long, taskMeta, {});
    expect(prepared.conversation).toEqual({
      as: 'note',
      subject: expect.any(String),
      text,
      reason: 'too_long',
    });
    expect(prepared.values.Description).toBeUndefined();
    expect(prepared.problems).toEqual([]);

    const asked = prepareRecord({ ...log, logAs: 'note' }, chat, taskMeta, {});
    expect(asked.conversation).toEqual({
      as: 'note',
      subject: expect.any(String),
      text: conversationText(chat),
    });
  });
});
