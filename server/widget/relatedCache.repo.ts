import type { Database } from '../db/prisma';

/** One search's entry: the account, the chat, and the search's key (a hash of the request). */
export interface RelatedCacheKey {
  accountId: string;
  chatId: string;
  searchKey: string;
}

/** The entry, if there is one (of any age). */
export function findRelatedEntry(db: Database, key: RelatedCacheKey) {
  return db.relatedRecordsCache.findUnique({
    where: { accountId_chatId_searchKey: key },
    select: { records: true, fetchedAt: true },
  });
}

/**
 * The key of a chat's forget mark: when its entries were last dropped (`forgetChat`). A search's key is
 * a sha256 in base64url, never empty, so the mark is never read as an entry.
 */
const FORGOTTEN = '';

/**
 * Writes (or replaces) the entry, unless the chat's entries were dropped since its search began
 * (`searchedFrom`): an answer from before a record was created must not come back after the drop. One
 * statement, so the check and the write see the same marks. Timestamps are UTC, as Prisma writes these
 * columns.
 */
export async function saveRelatedEntry(
  db: Database,
  key: RelatedCacheKey,
  entry: { records: unknown[]; fetchedAt: Date; searchedFrom: Date },
): Promise<void> {
  const records = JSON.stringify(entry.records);
  await db.$executeRaw`
    INSERT INTO related_records_cache (account_id, chat_id, search_key, records, fetched_at)
    SELECT ${key.accountId}::uuid, ${key.chatId}, ${key.searchKey}, ${records}::jsonb, ${entry.fetchedAt}::timestamp
    WHERE NOT EXISTS (
      SELECT 1 FROM related_records_cache
      WHERE account_id = ${key.accountId}::uuid AND chat_id = ${key.chatId} AND search_key = ${FORGOTTEN}
        AND fetched_at >= ${entry.searchedFrom}::timestamp
    )
    ON CONFLICT (account_id, chat_id, search_key)
    DO UPDATE SET records = EXCLUDED.records, fetched_at = EXCLUDED.fetched_at`;
}

/** Drops every entry of a chat in an account, and marks when (see saveRelatedEntry). */
export async function deleteChatEntries(
  db: Database,
  accountId: string,
  chatId: string,
  at: Date,
): Promise<void> {
  await db.$executeRaw`
    WITH dropped AS (
      DELETE FROM related_records_cache
      WHERE account_id = ${accountId}::uuid AND chat_id = ${chatId} AND search_key <> ${FORGOTTEN}
    )
    INSERT INTO related_records_cache (account_id, chat_id, search_key, records, fetched_at)
    VALUES (${accountId}::uuid, ${chatId}, ${FORGOTTEN}, '[]'::jsonb, ${at}::timestamp)
    ON CONFLICT (account_id, chat_id, search_key)
    DO UPDATE SET fetched_at = GREATEST(related_records_cache.fetched_at, EXCLUDED.fetched_at)`;
}

/** Drops the entries fetched before `before`. */
export async function deleteEntriesBefore(db: Database, before: Date): Promise<number> {
  return (await db.relatedRecordsCache.deleteMany({ where: { fetchedAt: { lt: before } } })).count;
}
