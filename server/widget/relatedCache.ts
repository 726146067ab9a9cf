import type { SearchRecord } from './relatedSearch';

export interface CachedSearch {
  /** Salesforce's answer as it came, presented anew on each read. */
  records: SearchRecord[];
  fetchedAt: Date;
}

/**
 * The visitor's records per (account, chat, search), kept for a short time so that an agent switching
 * back and forth between chats, or several agents opening the same chat, cost Salesforce nothing.
 *
 * Kept in this process on purpose, not in PostgreSQL: an entry is only an economy (a miss costs one API
 * call), holds no secret, and is at most `ttlMs` old; after a create this process forgets the chat's
 * entries and the widget adds the new record to its list itself and asks for fresh results with
 * `refresh=1`, so another process's copy cannot hide the new record. The key includes the account (so
 * the license) and the exact search, so access rules, mapping edits and new visitor values never read
 * a foreign or outdated entry. Bounded (least recently used entries go first).
 */
export function createRelatedCache(options: { ttlMs: number; maxEntries: number; now: () => Date }) {
  const entries = new Map<string, CachedSearch>();

  const keyOf = (accountId: string, chatId: string, search: string) => `${accountId}|${chatId}|${search}`;

  function get(accountId: string, chatId: string, search: string): CachedSearch | undefined {
    const key = keyOf(accountId, chatId, search);
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (options.now().getTime() - entry.fetchedAt.getTime() >= options.ttlMs) {
      entries.delete(key);
      return undefined;
    }
    entries.delete(key); // most recently used last
    entries.set(key, entry);
    return entry;
  }

  function set(accountId: string, chatId: string, search: string, entry: CachedSearch): void {
    const key = keyOf(accountId, chatId, search);
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  /** Drops a chat's entries for an account (after a record was created from it). */
  function forgetChat(accountId: string, chatId: string): void {
    const prefix = `${accountId}|${chatId}|`;
    for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
  }

  return { get, set, forgetChat, size: () => entries.size };
}

export type RelatedCache = ReturnType<typeof createRelatedCache>;
