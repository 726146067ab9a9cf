import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

/** An ended chat's thread, as its event and its job name it. */
export interface ChatEndedKey {
  licenseId: string;
  chatId: string;
  threadId: string;
}

const CHAT_ENDED = 'chat_deactivated';

/** Stores an ended-chat event once (the unique key drops a redelivery); whether it was new. */
export async function storeChatEnded(db: Database, key: ChatEndedKey, payload: object): Promise<boolean> {
  const inserted = await db.webhookEvent.createMany({
    data: [{ ...key, action: CHAT_ENDED, payload: payload as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  return inserted.count > 0;
}

/** Records that the event's job was queued (`at`), or (null) that it must be queued again. */
export async function markQueued(db: Database, key: ChatEndedKey, at: Date | null): Promise<void> {
  const { licenseId, chatId, threadId } = key;
  await db.webhookEvent.updateMany({
    where: { licenseId, chatId, threadId, action: CHAT_ENDED },
    data: { enqueuedAt: at },
  });
}

/** Up to `take` stored events whose job was never queued. */
export function unqueuedEvents(db: Database, take: number) {
  return db.webhookEvent.findMany({ where: { enqueuedAt: null }, take });
}
