import type { ChatFieldKind } from '../db/generated/client';
import type { Database } from '../db/prisma';

/** A chat field found by the latest scan of a license's archived chats. */
export interface FoundChatField {
  kind: ChatFieldKind;
  key: string;
  label: string;
  sampleValue: string | null;
  seenInChatId: string;
  chatCount: number;
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
  db: Database,
  licenseId: string,
): Promise<{ scannedAt: Date | null; chats: number }> {
  const license = await db.license.findUnique({ where: { id: licenseId } });
  return { scannedAt: license?.chatFieldsScannedAt ?? null, chats: license?.chatFieldsScannedChats ?? 0 };
}

/** Replaces what earlier scans found with this scan's fields, and records the scan: all or nothing. */
export async function saveChatFieldsScan(
  db: Database,
  licenseId: string,
  found: FoundChatField[],
  scan: { at: Date; chats: number },
): Promise<void> {
  await db.$transaction([
    db.discoveredChatField.deleteMany({ where: { licenseId } }),
    db.discoveredChatField.createMany({ data: found.map((f) => ({ licenseId, ...f })) }),
    db.license.update({
      where: { id: licenseId },
      data: { chatFieldsScannedAt: scan.at, chatFieldsScannedChats: scan.chats },
    }),
  ]);
}
