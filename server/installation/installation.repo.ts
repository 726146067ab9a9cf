import type { Prisma } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

export type InstallationRow = Prisma.LiveChatInstallationGetPayload<object>;

export function findInstallation(db: Database, licenseId: string): Promise<InstallationRow | null> {
  return db.liveChatInstallation.findUnique({ where: { licenseId } });
}

/** Whether the license has installed the app (opened its settings and signed in). */
export async function isInstalled(db: Database, licenseId: string): Promise<boolean> {
  const row = await db.liveChatInstallation.findUnique({ where: { licenseId }, select: { licenseId: true } });
  return row !== null;
}

/** Records whether our webhooks reach the license: since `at`, or (null) not. */
export async function setWebhooksEnabled(db: Database, licenseId: string, at: Date | null): Promise<void> {
  await db.liveChatInstallation.update({ where: { licenseId }, data: { webhooksEnabledAt: at } });
}

/** The license's installation, created or replaced. */
export async function saveInstallation(
  db: Database | Transaction,
  licenseId: string,
  data: Omit<Prisma.LiveChatInstallationUncheckedCreateInput, 'licenseId'>,
): Promise<void> {
  await db.liveChatInstallation.upsert({
    where: { licenseId },
    create: { licenseId, ...data },
    update: data,
  });
}

export interface LockedInstallationTokens {
  access_token_enc: string;
  refresh_token_enc: string;
  access_token_expires_at: Date;
}

/**
 * Runs `use` in a transaction with the license's tokens read under a row lock (`FOR UPDATE`), so
 * concurrent workers refresh them once; the lock ends with the transaction.
 */
export function withInstallationTokensLocked<T>(
  db: Database,
  licenseId: string,
  use: (row: LockedInstallationTokens | undefined, tx: Transaction) => Promise<T>,
  options: { timeout: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<LockedInstallationTokens[]>`
      SELECT access_token_enc, refresh_token_enc, access_token_expires_at
        FROM livechat_installations WHERE license_id = ${licenseId} FOR UPDATE`;
    return use(rows[0], tx);
  }, options);
}

export async function saveInstallationTokens(
  db: Database | Transaction,
  licenseId: string,
  data: { accessTokenEnc: string; refreshTokenEnc: string; tokenKeyId: string; accessTokenExpiresAt: Date },
): Promise<void> {
  await db.liveChatInstallation.update({ where: { licenseId }, data });
}
