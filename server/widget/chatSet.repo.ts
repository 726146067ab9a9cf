import type { Database } from '../db/prisma';

/**
 * This chat's runs that settled with a record, per mapping: created or linked by automation after the
 * chat, or created by an agent in the widget (recorded as a settled run, so automation never creates
 * it again). Others' licenses are never read: the license is part of the key.
 */
export function settledRunsOfChat(db: Database, licenseId: string, chatId: string, mappingIds: string[]) {
  return db.automationRun.findMany({
    where: {
      licenseId,
      chatId,
      mappingId: { in: mappingIds },
      status: { in: ['created', 'linked', 'updated'] },
      recordId: { not: null },
    },
    select: { mappingId: true, status: true, recordId: true, objectName: true, attempts: true },
  });
}

export type SettledRun = Awaited<ReturnType<typeof settledRunsOfChat>>[number];
