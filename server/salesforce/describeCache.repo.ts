import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

/** One cached describe: an account's object (`$global` for the global describe). */
export interface DescribeKey {
  accountId: string;
  objectName: string;
}

const where = (key: DescribeKey) => ({ accountId_objectName: key });

export function findDescribe(db: Database, key: DescribeKey) {
  return db.salesforceDescribeCache.findUnique({ where: where(key) });
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
