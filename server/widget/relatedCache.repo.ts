import type { Prisma } from '../db/generated/client';
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

/** Writes (or replaces) the entry. */
export async function saveRelatedEntry(
  db: Database,
  key: RelatedCacheKey,
  entry: { records: unknown[]; fetchedAt: Date },
): Promise<void> {
  const records = entry.records as Prisma.InputJsonValue;
  await db.relatedRecordsCache.upsert({
    where: { accountId_chatId_searchKey: key },
    create: { ...key, records, fetchedAt: entry.fetchedAt },
    update: { records, fetchedAt: entry.fetchedAt },
  });
}

/** Drops every entry of a chat in an account. */
export async function deleteChatEntries(db: Database, accountId: string, chatId: string): Promise<void> {
  await db.relatedRecordsCache.deleteMany({ where: { accountId, chatId } });
}

/** Drops the entries fetched before `before`. */
export async function deleteEntriesBefore(db: Database, before: Date): Promise<number> {
  return (await db.relatedRecordsCache.deleteMany({ where: { fetchedAt: { lt: before } } })).count;
}
