import type { Database } from '../db/prisma';
import type { Agent } from './agent';
import { toRole } from './agent';

export async function findCachedAgent(
  db: Database,
  tokenHash: string,
  now: Date,
): Promise<{ agent: Agent; expiresAt: Date } | null> {
  const row = await db.agentTokenCache.findUnique({ where: { tokenHash } });
  if (!row || row.expiresAt <= now) return null;
  const agent: Agent = {
    licenseId: row.licenseId,
    accountId: row.accountId,
    email: row.email,
    name: row.name,
    role: toRole(row.role),
    groupIds: row.groupIds,
  };
  return { agent, expiresAt: row.expiresAt };
}

export async function cacheAgent(
  db: Database,
  tokenHash: string,
  agent: Agent,
  expiresAt: Date,
): Promise<void> {
  const data = { ...agent, expiresAt };
  // The row and the sweep of rows expired an hour ago touch different rows: side by side.
  await Promise.all([
    db.agentTokenCache.upsert({ where: { tokenHash }, create: { tokenHash, ...data }, update: data }),
    db.agentTokenCache.deleteMany({
      where: { expiresAt: { lt: new Date(expiresAt.getTime() - 3_600_000) } },
    }),
  ]);
}

/**
 * The license row, created on first sight (concurrent first requests are fine): one statement, where
 * Prisma's `createMany({ skipDuplicates })` wraps its insert in a transaction of three.
 */
export async function ensureLicense(db: Database, licenseId: string): Promise<void> {
  await db.$executeRaw`INSERT INTO licenses (id, updated_at) VALUES (${licenseId}, now()) ON CONFLICT (id) DO NOTHING`;
}
