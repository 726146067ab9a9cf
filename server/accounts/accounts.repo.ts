import type { Prisma } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

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
  db: Database | Transaction,
  licenseId: string,
  id: string,
): Promise<AccountRow | null> {
  return db.salesforceAccount.findFirst({ where: { id, licenseId }, include: withAccess });
}

export function createAccount(
  db: Database | Transaction,
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
  db: Database | Transaction,
  id: string,
  data: Prisma.SalesforceAccountUpdateInput,
): Promise<AccountRow> {
  return db.salesforceAccount.update({ where: { id }, data, include: withAccess });
}

/** Another account of the license connected to the same org, if any. */
export function findAccountOfOrg(db: Database, licenseId: string, orgId: string, exceptId: string) {
  return db.salesforceAccount.findFirst({ where: { licenseId, orgId, id: { not: exceptId } } });
}

/** The connected accounts whose automation has an API budget. */
export async function budgetedAccountIds(db: Database): Promise<string[]> {
  const rows = await db.salesforceAccount.findMany({
    where: { status: 'connected', automationBudgetPercent: { not: null } },
    select: { id: true },
  });
  return rows.map((a) => a.id);
}

export interface LockedAccountTokens {
  login_url: string;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  status: string;
}

/**
 * Runs `use` in a transaction with the account's stored sign-in read under a row lock (`FOR UPDATE`),
 * so one process at a time refreshes its tokens; the lock ends with the transaction.
 */
export function withAccountTokensLocked<T>(
  db: Database,
  accountId: string,
  use: (row: LockedAccountTokens | undefined, tx: Transaction) => Promise<T>,
  options: { timeout: number; maxWait: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<LockedAccountTokens[]>`
      SELECT login_url, access_token_enc, refresh_token_enc, status::text AS status
        FROM salesforce_accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
    return use(rows[0], tx);
  }, options);
}

/** Marks a connected account as needing the owner: its tile says why, automation waits for it. */
export async function markNeedsReconnect(db: Database, id: string, reason: string): Promise<void> {
  await db.salesforceAccount.updateMany({
    where: { id, status: 'connected' },
    data: { status: 'needs_reconnect', statusReason: reason },
  });
}

export async function deleteAccount(db: Database | Transaction, id: string): Promise<void> {
  await db.salesforceAccount.delete({ where: { id } });
}

export async function saveAccessRule(
  db: Database | Transaction,
  accountId: string,
  rule: { mode: 'everyone' | 'groups' | 'agents'; groupIds: number[]; agentEmails: string[] },
): Promise<void> {
  await db.accessRule.upsert({ where: { accountId }, create: { accountId, ...rule }, update: rule });
}
