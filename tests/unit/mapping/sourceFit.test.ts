import { describe, expect, it } from 'vitest';
import { chatFieldFor, type DiscoveredChatField } from '../../../src/chat/chatFields';
import { chatValueFit } from '../../../src/mapping/sourceFit';
import { buildFieldMetadata, buildPicklistValues } from '../../support/factories/salesforceMetadata';

const duration = buildFieldMetadata({ name: 'Duration__c', label: 'Duration', type: 'double' });
const followUp = buildFieldMetadata({ name: 'Follow_Up__c', label: 'Follow up', type: 'date' });
const email = buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email', length: 80 });
const subject = buildFieldMetadata({ name: 'Subject', label: 'Subject', type: 'string', length: 255 });
const description = buildFieldMetadata({ name: 'Description', type: 'textarea', length: 32000 });
const vip = buildFieldMetadata({ name: 'VIP__c', label: 'VIP', type: 'boolean' });

const planVariable = (sample?: string): DiscoveredChatField => ({
  ...chatFieldFor('customVariable:plan'),
  ...(sample === undefined ? {} : { sample }),
  seenInChatId: 'CHAT1',
  chatCount: 3,
  lastSeenAt: '2026-03-01T10:00:00.000Z',
});

describe('chatValueFit', () => {
  it('refuses a visitor name in a number field and an email in a date field', () => {
    expect(chatValueFit(duration, chatFieldFor('visitor.name'))).toEqual({
      verdict: 'no',
      message: 'Visitor name cannot go into "Duration" (a field of type Number): it is text, never a number.',
      short: 'text, not a number',
    });
    expect(chatValueFit(followUp, chatFieldFor('visitor.email'))).toMatchObject({
      verdict: 'no',
      short: 'text, not a date',
    });
    expect(chatValueFit(vip, chatFieldFor('chat.id'))).toMatchObject({ verdict: 'no' });
  });

  it('takes only email values into an email field', () => {
    expect(chatValueFit(email, chatFieldFor('visitor.email'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(email, chatFieldFor('agent.email'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(email, chatFieldFor('visitor.name'))).toMatchObject({
      verdict: 'no',
      short: 'not an email address',
    });
  });

  it('fits dates into date fields and text into text fields', () => {
    expect(chatValueFit(followUp, chatFieldFor('chat.endedAt'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(subject, chatFieldFor('visitor.pageTitle'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(description, chatFieldFor('chat.transcript'))).toEqual({ verdict: 'yes' });
  });

  it('warns that a transcript rarely fits a one-line text field', () => {
    expect(chatValueFit(subject, chatFieldFor('chat.transcript'))).toMatchObject({
      verdict: 'risky',
      message: expect.stringContaining('most transcripts are longer'),
    });
  });

  it('judges a custom variable by the value seen in recent chats', () => {
    expect(chatValueFit(duration, planVariable('12.5'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(duration, planVariable('gold'))).toEqual({
      verdict: 'risky',
      message:
        'custom variable "plan" may not fit "Duration" (a field of type Number): in recent chats it held “gold”, ' +
        'and chats with values like that will fail.',
      short: 'held “gold” in recent chats',
    });
    // Nothing seen yet (declared, or always empty): it may hold anything.
    expect(chatValueFit(duration, planVariable())).toEqual({ verdict: 'yes' });
  });

  it('leaves picklist choices to each chat', () => {
    const status = buildFieldMetadata({
      name: 'Status',
      type: 'picklist',
      picklistValues: buildPicklistValues(['Open', 'Closed']),
      restrictedPicklist: true,
    });
    expect(chatValueFit(status, planVariable('gold'))).toEqual({ verdict: 'yes' });
    expect(chatValueFit(status, chatFieldFor('visitor.name'))).toEqual({ verdict: 'yes' });
  });
});
