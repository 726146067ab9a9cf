import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

const withAccess = { accessRule: true, _count: { select: { mappings: true } } } as const;

export type AccountRow = Prisma.SalesforceAccountGetPayload<{ include: typeof withAccess }>;

export function listAccounts(db: Database, licenseId: string): Promise<AccountRow[]> {
  return db.salesforceAccount.findMany({
    where: { licenseId },
    include: withAccess,
    orderBy: { createdAt: 'asc' },
  });
}

/** An account of this license, or null: an id from another license is simply not found. */
export function findAccount(
  db: Database | Prisma.TransactionClient,
  licenseId: string,
  id: string,
): Promise<AccountRow | null> {
  return db.salesforceAccount.findFirst({ where: { id, licenseId }, include: withAccess });
}

export function createAccount(
  db: Database,
  data: {
    licenseId: string;
    label: string;
    environment: 'production' | 'sandbox' | 'custom';
    loginUrl: string;
  },
): Promise<AccountRow> {
  return db.salesforceAccount.create({
    data: { ...data, accessRule: { create: { mode: 'everyone' } } },
    include: withAccess,
  });
}

export function updateAccount(
  db: Database | Prisma.TransactionClient,
  id: string,
  data: Prisma.SalesforceAccountUpdateInput,
): Promise<AccountRow> {
  return db.salesforceAccount.update({ where: { id }, data, include: withAccess });
}

/** Marks a connected account as needing the owner: its tile says why, automation waits for it. */
export async function markNeedsReconnect(db: Database, id: string, reason: string): Promise<void> {
  await db.salesforceAccount.updateMany({
    where: { id, status: 'connected' },
    data: { status: 'needs_reconnect', statusReason: reason },
  });
}

export async function deleteAccount(db: Database, id: string): Promise<void> {
  await db.salesforceAccount.delete({ where: { id } });
}

export async function saveAccessRule(
  db: Database,
  accountId: string,
  rule: { mode: 'everyone' | 'groups' | 'agents'; groupIds: number[]; agentEmails: string[] },
): Promise<void> {
  await db.accessRule.upsert({ where: { accountId }, create: { accountId, ...rule }, update: rule });
}
