import { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

/** One cached describe: an account's object (`$global` for the global describe). */
export interface DescribeKey {
  accountId: string;
  objectName: string;
}

const where = (key: DescribeKey) => ({ accountId_objectName: key });

const DUPLICATE_RULES = '$duplicates:';
/** An object's duplicate rules are cached beside its describe, under a key of their own. */
export const duplicateRulesKey = (objectName: string) => `${DUPLICATE_RULES}${objectName}`;

/**
 * The picklist values one record type of an object offers (UI API) are cached beside its describe,
 * under a key of their own (ids compared by their first 15 characters, as Salesforce does).
 */
export const recordTypePicklistsKey = (objectName: string, recordTypeId: string) =>
  `$picklists:${objectName}:${recordTypeId.slice(0, 15)}`;

/** The cached duplicate rules of these accounts' objects, by account and object name. */
export async function cachedDuplicateRules(db: Database, accountIds: string[]) {
  const rows = await db.salesforceDescribeCache.findMany({
    where: { accountId: { in: accountIds }, objectName: { startsWith: DUPLICATE_RULES } },
    select: { accountId: true, objectName: true, body: true },
  });
  return rows.map((r) => ({
    accountId: r.accountId,
    objectName: r.objectName.slice(DUPLICATE_RULES.length),
    body: r.body,
  }));
}

/** A cached entry as the metadata service reads it. */
export type CachedDescribe = Prisma.SalesforceDescribeCacheGetPayload<object>;

export function findDescribe(db: Database, key: DescribeKey): Promise<CachedDescribe | null> {
  return db.salesforceDescribeCache.findUnique({ where: where(key) });
}

/** The cached entries (any age) of some objects of an account, in one plain query (read for every chat). */
export async function findDescribes(
  db: Database,
  accountId: string,
  objectNames: string[],
): Promise<CachedDescribe[]> {
  if (objectNames.length === 0) return [];
  const rows = await db.$queryRaw<
    { objectName: string; body: Prisma.JsonValue; lastModified: string | null; fetchedMs: number }[]
  >`
    SELECT object_name AS "objectName", body, last_modified AS "lastModified",
      (extract(epoch FROM fetched_at) * 1000)::float8 AS "fetchedMs"
    FROM salesforce_describe_cache
    WHERE account_id = ${accountId}::uuid AND object_name IN (${Prisma.join(objectNames)})`;
  return rows.map((r) => ({
    accountId,
    objectName: r.objectName,
    body: r.body,
    lastModified: r.lastModified,
    fetchedAt: new Date(r.fetchedMs),
  }));
}

/** Salesforce said the cached describe is still current (a 304): it counts as fetched `at`. */
export async function touchDescribe(db: Database, key: DescribeKey, at: Date): Promise<void> {
  await db.salesforceDescribeCache.update({ where: where(key), data: { fetchedAt: at } });
}

export async function saveDescribe(
  db: Database,
  key: DescribeKey,
  data: { body: unknown; fetchedAt: Date; lastModified: string | null },
): Promise<void> {
  const row = { ...data, body: data.body as Prisma.InputJsonValue };
  await db.salesforceDescribeCache.upsert({
    where: where(key),
    create: { ...key, ...row },
    update: row,
  });
}

/** The cached describes of some objects of an account, whatever their age. */
export function cachedDescribes(db: Database, accountId: string, objectNames: string[]) {
  return db.salesforceDescribeCache.findMany({
    where: { accountId, objectName: { in: objectNames } },
    select: { objectName: true, body: true },
  });
}

export async function forgetDescribes(db: Database, accountId: string): Promise<void> {
  await db.salesforceDescribeCache.deleteMany({ where: { accountId } });
}
