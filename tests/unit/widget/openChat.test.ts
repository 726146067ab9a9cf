import { describe, expect, it } from 'vitest';
import { toOpenChat } from '../../../widget/agentApp/agentApp';

describe('the open chat, from the Agent App’s customer_profile', () => {
  it('keeps the chat id (chat.chat_id) and the thread on screen (chat.id)', () => {
    expect(
      toOpenChat({
        name: 'John Smith',
        source: 'archives',
        chat: { chat_id: 'PJ0MRSHTDG', id: 'QBL4D3GVOR' },
      }),
    ).toEqual({
      chatId: 'PJ0MRSHTDG',
      threadId: 'QBL4D3GVOR',
      customerName: 'John Smith',
      source: 'archives',
    });
  });

  it('has neither for a customer without a chat', () => {
    expect(toOpenChat({ name: 'Ann', source: 'customers', chat: {} })).toMatchObject({
      chatId: null,
      threadId: null,
    });
  });
});
