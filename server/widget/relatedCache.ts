import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/prisma';
import {
  deleteChatEntries,
  deleteEntriesBefore,
  findRelatedEntry,
  saveRelatedEntry,
} from './relatedCache.repo';
import { searchResponseSchema, type SearchRecord } from './relatedSearch';

export interface CachedSearch {
  /** Salesforce's answer as it came, presented anew on each read. */
  records: SearchRecord[];
  fetchedAt: Date;
}

/**
 * The visitor's records per (account, chat, search), kept for a short time so that an agent switching
 * back and forth between chats, or several agents opening the same chat, cost Salesforce nothing.
 *
 * Kept in PostgreSQL, so every web process behind a load balancer reads and forgets the same entries:
 * a record created through one process is in the next answer of every other (its chat's entries are
 * deleted before the create answers), and one process's search saves the others theirs. A read costs
 * one indexed query, small beside the rest of the request (the agent, the chat, the mappings). The
 * key includes the account (so the license) and a hash of the exact search, so access rules, mapping
 * edits and new visitor values never read a foreign or outdated entry. Entries older than `ttlMs` are
 * never read, and are deleted at most once per `ttlMs` by each process that writes. An entry is only
 * an economy: a read or write that fails is logged and costs one Salesforce call, never the answer.
 */
export function createRelatedCache(options: {
  db: Database;
  ttlMs: number;
  now: () => Date;
  logger: Logger;
}) {
  const { db } = options;
  const log = options.logger.child({ module: 'related-cache' });
  let prunedAt = 0;

  const keyOf = (accountId: string, chatId: string, search: string) => ({
    accountId,
    chatId,
    searchKey: createHash('sha256').update(search).digest('base64url'),
  });
  const oldest = () => new Date(options.now().getTime() - options.ttlMs);

  async function get(accountId: string, chatId: string, search: string): Promise<CachedSearch | undefined> {
    try {
      const row = await findRelatedEntry(db, keyOf(accountId, chatId, search));
      if (!row || row.fetchedAt <= oldest()) return undefined;
      const parsed = searchResponseSchema.safeParse({ searchRecords: row.records });
      return parsed.success ? { records: parsed.data.searchRecords, fetchedAt: row.fetchedAt } : undefined;
    } catch (error) {
      log.warn(
        { err: error, account: accountId },
        'reading the related-records cache failed; asking Salesforce',
      );
      return undefined;
    }
  }

  /**
   * Keeps a search's answer, unless the chat's entries were forgotten since `searchedFrom` (when the
   * search was sent): the write is not waited for, so without this check an answer from before a
   * record was created could land after the create forgot the chat, and be read for `ttlMs`. The mark
   * is pruned with the entries after `ttlMs`, long after any search in flight (the widget's deadline
   * is 8 s).
   */
  async function set(
    accountId: string,
    chatId: string,
    search: string,
    entry: CachedSearch & { searchedFrom: Date },
  ): Promise<void> {
    try {
      await saveRelatedEntry(db, keyOf(accountId, chatId, search), entry);
      const now = options.now().getTime();
      if (now - prunedAt >= options.ttlMs) {
        prunedAt = now;
        await deleteEntriesBefore(db, oldest());
      }
    } catch (error) {
      log.warn({ err: error, account: accountId }, 'writing the related-records cache failed');
    }
  }

  /** Drops a chat's entries for an account, for every process (after a record was created from it). */
  async function forgetChat(accountId: string, chatId: string): Promise<void> {
    try {
      await deleteChatEntries(db, accountId, chatId, options.now());
    } catch (error) {
      log.warn({ err: error, account: accountId }, 'forgetting the chat’s related records failed');
    }
  }

  return { get, set, forgetChat };
}

export type RelatedCache = ReturnType<typeof createRelatedCache>;
