import { objectMetadataSchema, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { Database } from '../db/prisma';

/**
 * The cached describes of an account's objects whatever their age. The related-records search only
 * needs field names, types and labels, which a stale describe still gives right, so it never pays a
 * revalidation call; objects never described are left to the metadata service.
 */
export async function cachedDescribes(
  db: Database,
  accountId: string,
  objectNames: string[],
): Promise<Map<string, ObjectMetadata>> {
  const rows = await db.salesforceDescribeCache.findMany({
    where: { accountId, objectName: { in: objectNames } },
    select: { objectName: true, body: true },
  });
  const found = new Map<string, ObjectMetadata>();
  for (const row of rows) {
    const parsed = objectMetadataSchema.safeParse(row.body);
    if (parsed.success) found.set(row.objectName, parsed.data);
  }
  return found;
}
