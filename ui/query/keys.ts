import type { RunStatus } from '../../src/api/automation';

/**
 * The query keys of both frontends: the endpoint's path in segments, then its parameters, so that
 * invalidating a path (`accounts`) reaches everything below it (`accounts/:id/mappings`).
 */
export const queryKeys = {
  installation: ['settings', 'installation'] as const,
  accounts: ['settings', 'accounts'] as const,
  access: (accountId: string) => ['settings', 'accounts', accountId, 'access'] as const,
  objects: (accountId: string) => ['settings', 'accounts', accountId, 'objects'] as const,
  object: (accountId: string, objectName: string) =>
    ['settings', 'accounts', accountId, 'objects', objectName] as const,
  lookup: (accountId: string, object: string, q: string) =>
    ['settings', 'accounts', accountId, 'lookup', { object, q }] as const,
  mappings: (accountId: string) => ['settings', 'accounts', accountId, 'mappings'] as const,
  directory: ['settings', 'directory'] as const,
  auditLog: ['settings', 'audit'] as const,
  audit: (query: { limit: number }) => ['settings', 'audit', query] as const,
  activityLog: ['settings', 'activity'] as const,
  activity: (query: { status?: RunStatus; from?: string; to?: string; visitor?: string }) =>
    ['settings', 'activity', query] as const,
  chatFields: ['settings', 'chat-fields'] as const,
  recentChats: ['settings', 'chats', 'recent'] as const,
  related: (chatId: string, threadId: string | undefined) =>
    ['widget', 'related', { chatId, threadId }] as const,
  form: (chatId: string, mappingId: string, threadId: string | undefined) =>
    ['widget', 'forms', { chatId, mappingId, threadId }] as const,
  chatSet: (chatId: string, threadId: string | undefined) => ['widget', 'set', { chatId, threadId }] as const,
  widgetLookup: (accountId: string, object: string, q: string) =>
    ['widget', 'lookup', { accountId, object, q }] as const,
};
