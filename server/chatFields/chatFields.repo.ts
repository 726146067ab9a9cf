import type { ChatFieldKind } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

/** A chat field found by the latest scan of a license's archived chats. */
export interface FoundChatField {
  kind: ChatFieldKind;
  key: string;
  label: string;
  sampleValue: string | null;
  seenInChatId: string;
  chatCount: number;
  lastSeenAt: Date;
}

/** The fields the latest scan found, by kind and label. */
export function listDiscoveredChatFields(db: Database, licenseId: string) {
  return db.discoveredChatField.findMany({
    where: { licenseId },
    orderBy: [{ kind: 'asc' }, { label: 'asc' }],
  });
}

/** When the license's archived chats were last scanned (null: never), and how many were read. */
export async function lastChatFieldsScan(
  db: Database | Transaction,
  licenseId: string,
): Promise<{ scannedAt: Date | null; chats: number }> {
  const license = await db.license.findUnique({ where: { id: licenseId } });
  return { scannedAt: license?.chatFieldsScannedAt ?? null, chats: license?.chatFieldsScannedChats ?? 0 };
}

/** Replaces what earlier scans found with this scan's fields, and records the scan (inside `tx`). */
export async function saveChatFieldsScan(
  tx: Transaction,
  licenseId: string,
  found: FoundChatField[],
  scan: { at: Date; chats: number },
): Promise<void> {
  await tx.discoveredChatField.deleteMany({ where: { licenseId } });
  await tx.discoveredChatField.createMany({ data: found.map((f) => ({ licenseId, ...f })) });
  await tx.license.update({
    where: { id: licenseId },
    data: { chatFieldsScannedAt: scan.at, chatFieldsScannedChats: scan.chats },
  });
}

/** The advisory-lock namespace of chat-field scans (any number that is ours alone); the key is the license. */
const SCAN_LOCK_NAMESPACE = 1_318_207_455;

/**
 * Runs `scan` holding the license's scan lock, in one transaction that also saves what it found: a
 * second request, in this process or another, waits here for the first scan to end, then sees it.
 */
export function withChatFieldsScanLock<T>(
  db: Database,
  licenseId: string,
  scan: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SCAN_LOCK_NAMESPACE}::int, hashtext(${licenseId}))`;
      return scan(tx);
    },
    // LiveChat is read while the lock is held: at most MAX_PAGES list_archives calls of 15 s each,
    // and a waiter may first wait for one such scan to end.
    { maxWait: 10_000, timeout: 180_000 },
  );
}
