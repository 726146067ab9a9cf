import type { CatalogueChatField, ChatValueKind, DiscoveredChatSourceKind } from '../../src/chat/chatFields';

/** The three kinds of field an owner can declare, as the declare form names them. */
export const sourceKindLabels: Record<DiscoveredChatSourceKind, string> = {
  customVariable: 'Custom variable',
  prechat: 'Pre-chat form field',
  postchat: 'Post-chat form field',
};

export const valueKindLabels: Record<ChatValueKind, string> = {
  text: 'Text',
  datetime: 'Date and time',
  list: 'List',
};

/** The field's sample as one line ("Pro", "Pricing, Integrations"), cut at `max` characters. */
export function sampleText(field: CatalogueChatField, max = 40): string | undefined {
  const sample = Array.isArray(field.sample) ? field.sample.join(', ') : field.sample;
  if (sample === undefined || sample === '') return undefined;
  return sample.length > max ? `${sample.slice(0, max - 1)}…` : sample;
}

/** "in 1 chat", "in 12 chats". */
export const inChats = (count: number) => `in ${count} chat${count === 1 ? '' : 's'}`;
