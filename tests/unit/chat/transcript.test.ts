import { describe, expect, it } from 'vitest';
import { transcriptText } from '../../../src/chat/transcript';
import { buildChatSnapshot } from '../../support/factories/chatSnapshot';

describe('transcriptText', () => {
  it('writes one "[HH:MM] Name: text" line per message, in UTC', () => {
    expect(transcriptText(buildChatSnapshot())).toBe(
      '[11:45] Thomas Anderson: Hello, I would like a quote.\n[11:46] Agent Smith: Sure, for how many seats?',
    );
  });

  it('uses the given time zone', () => {
    expect(transcriptText(buildChatSnapshot(), { timeZone: 'Europe/Warsaw' })).toMatch(/^\[13:45\] Thomas/);
  });

  it('keeps non-ASCII text and multi-line messages as they are', () => {
    const snapshot = buildChatSnapshot({
      messages: [
        {
          authorName: 'Zoë',
          authorType: 'visitor',
          text: 'Dzień dobry\n你好 👋',
          time: '2020-05-28T09:05:00Z',
        },
      ],
    });

    expect(transcriptText(snapshot)).toBe('[09:05] Zoë: Dzień dobry\n你好 👋');
  });

  it('is empty for a chat without messages', () => {
    expect(transcriptText(buildChatSnapshot({ messages: [] }))).toBe('');
  });
});
