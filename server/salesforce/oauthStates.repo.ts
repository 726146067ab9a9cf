import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

export async function createOAuthState(
  db: Database,
  data: Prisma.OAuthStateUncheckedCreateInput,
): Promise<void> {
  await db.oAuthState.create({ data });
}

export function findOAuthState(db: Database, stateHash: string) {
  return db.oAuthState.findUnique({ where: { stateHash } });
}

/** Uses a state up, once: whether this caller did (compare-and-set on `usedAt`). */
export async function useOAuthState(db: Database, stateHash: string, at: Date): Promise<boolean> {
  const used = await db.oAuthState.updateMany({ where: { stateHash, usedAt: null }, data: { usedAt: at } });
  return used.count === 1;
}
