import {
  chatFieldFor,
  type CatalogueChatField,
  type ChatSourceId,
  type DeclaredChatFieldInput,
  type DiscoveredChatSourceKind,
} from '../../src/chat/chatFields';
import type { ChatFieldKind, DiscoveredChatField } from '../db/generated/client';
import type { DeclaredChatFieldRow } from './declaredChatFields.repo';

/** Our stored kind of a chat field ↔ the prefix of its source id. */
export const sourceKindOf: Record<ChatFieldKind, DiscoveredChatSourceKind> = {
  custom_variable: 'customVariable',
  prechat: 'prechat',
  postchat: 'postchat',
};
export const storedKindOf: Record<DiscoveredChatSourceKind, ChatFieldKind> = {
  customVariable: 'custom_variable',
  prechat: 'prechat',
  postchat: 'postchat',
};

/** A field the scan found, as the catalogue lists it (before declarations join it). */
export function toFoundField(row: DiscoveredChatField): Omit<CatalogueChatField, 'declared'> {
  const sample = row.sampleValue === null ? undefined : (JSON.parse(row.sampleValue) as string | string[]);
  return {
    ...chatFieldFor(row.key as ChatSourceId),
    label: row.label,
    kind: Array.isArray(sample) ? 'list' : 'text',
    ...(sample === undefined ? {} : { sample }),
    seenInChatId: row.seenInChatId,
    chatCount: row.chatCount,
    // Scans from before last-seen times were kept have none; the next scan adds it.
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  };
}

export function toDeclaredField(row: DeclaredChatFieldRow): DeclaredChatFieldInput {
  return {
    sourceKind: sourceKindOf[row.kind],
    name: row.name,
    declaration: {
      id: row.id,
      declaredAt: row.createdAt.toISOString(),
      declaredBy: row.declaredByEmail,
      valueKind: row.valueKind,
    },
  };
}
