import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

export type WebhookRegistrationRow = Prisma.WebhookRegistrationGetPayload<object>;
type Tx = Prisma.TransactionClient;

/** Any number that is ours alone: the advisory lock held while the app's registration changes. */
const REGISTRATION_LOCK_ID = 4_277_310_012;

/**
 * Runs `change` while holding the registration lock, so two processes starting at once (or a start
 * and a rotation) never both register. The lock ends with the transaction.
 */
export async function withRegistrationLock<T>(db: Database, change: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRATION_LOCK_ID}::bigint)`;
      return change(tx);
    },
    // LiveChat is called while the lock is held: a few calls, each with its own 15 s deadline.
    { maxWait: 120_000, timeout: 120_000 },
  );
}

/** The registrations in use for a URL and action (not retired), oldest first. */
export function currentRegistrations(db: Database | Tx, url: string, action: string) {
  return db.webhookRegistration.findMany({
    where: { url, action, retiredAt: null },
    orderBy: { createdAt: 'asc' },
  });
}

/** The registrations whose deliveries are accepted: those in use, and those retired after `since`. */
export function acceptedRegistrations(db: Database, since: Date) {
  return db.webhookRegistration.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: since } }] },
  });
}

export function addRegistration(
  db: Database | Tx,
  data: { webhookId: string; url: string; action: string; secretEnc: string; createdAt: Date },
) {
  return db.webhookRegistration.create({ data });
}

export async function retireRegistrations(db: Database | Tx, webhookIds: string[], at: Date): Promise<void> {
  if (webhookIds.length === 0) return;
  await db.webhookRegistration.updateMany({
    where: { webhookId: { in: webhookIds }, retiredAt: null },
    data: { retiredAt: at },
  });
}
