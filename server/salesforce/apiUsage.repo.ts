import type { Database } from '../db/prisma';

export interface UsageDelta {
  accountId: string;
  /** The UTC day, at midnight. */
  day: Date;
  ourCalls: number;
  used?: number;
  limit?: number;
  reportedAt?: Date;
}

/** Adds our calls of a day and keeps the org's newest reported usage: one statement per account. */
export async function addUsage(db: Database, delta: UsageDelta): Promise<void> {
  await db.$executeRaw`
    INSERT INTO salesforce_api_usage (account_id, day, our_calls, used, "limit", reported_at)
    VALUES (${delta.accountId}::uuid, ${delta.day}::date, ${delta.ourCalls}, ${delta.used ?? null},
            ${delta.limit ?? null}, ${delta.reportedAt ?? null})
    ON CONFLICT (account_id, day) DO UPDATE SET
      our_calls = salesforce_api_usage.our_calls + EXCLUDED.our_calls,
      used = CASE WHEN EXCLUDED.reported_at > COALESCE(salesforce_api_usage.reported_at, '-infinity')
                  THEN EXCLUDED.used ELSE salesforce_api_usage.used END,
      "limit" = CASE WHEN EXCLUDED.reported_at > COALESCE(salesforce_api_usage.reported_at, '-infinity')
                  THEN EXCLUDED."limit" ELSE salesforce_api_usage."limit" END,
      reported_at = GREATEST(salesforce_api_usage.reported_at, EXCLUDED.reported_at)`;
}

export function usageOfDay(db: Database, accountIds: string[], day: Date) {
  return db.salesforceApiUsage.findMany({ where: { accountId: { in: accountIds }, day } });
}

/** The newest usage Salesforce reported for an account, whatever the day. */
export function latestReported(db: Database, accountId: string) {
  return db.salesforceApiUsage.findFirst({
    where: { accountId, reportedAt: { not: null } },
    orderBy: { reportedAt: 'desc' },
  });
}
