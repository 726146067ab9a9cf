import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import { addUsage, latestReported, usageOfDay } from './apiUsage.repo';
import type { ApiUsage, SalesforceClient } from './salesforce.client';

/** An org's usage as last reported, with our own calls of the day. */
export interface AccountUsage {
  used: number | null;
  limit: number | null;
  reportedAt: Date | null;
  ourCallsToday: number;
}

/** Reported usage older than this is asked again (one `/limits` call) before automation decides on it. */
const STALE_MS = 10 * 60 * 1000;
const FLUSH_EVERY_MS = 5_000;

const utcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

export type ApiUsageService = ReturnType<typeof createApiUsageService>;

/**
 * Each account's Salesforce API usage: every answer's `Sforce-Limit-Info` (the org's rolling 24-hour
 * count and limit, shared with everything else the org runs) and our own calls per UTC day. Counted
 * in memory and written every few seconds (one statement per account), so a call costs no query.
 * Several processes add up: each writes its own counts.
 */
export function createApiUsageService(deps: { db: Database; clock: Clock; logger: Logger }) {
  const log = deps.logger.child({ module: 'api-usage' });
  const pending = new Map<string, { calls: number; usage?: ApiUsage; at?: Date }>();
  const latest = new Map<string, { usage: ApiUsage; at: Date }>();
  let timer: NodeJS.Timeout | undefined;

  /** One answer from an account's org (`usage` when it said). */
  function record(accountId: string, usage: ApiUsage | undefined): void {
    const now = deps.clock.now();
    const entry = pending.get(accountId) ?? { calls: 0 };
    entry.calls += 1;
    if (usage) {
      entry.usage = usage;
      entry.at = now;
      latest.set(accountId, { usage, at: now });
    }
    pending.set(accountId, entry);
    timer ??= setInterval(() => {
      flush().catch((error: unknown) =>
        log.warn({ err: error }, 'API usage not saved; kept for the next try'),
      );
    }, FLUSH_EVERY_MS).unref();
  }

  async function flush(): Promise<void> {
    const day = utcDay(deps.clock.now());
    for (const [accountId, entry] of [...pending]) {
      pending.delete(accountId);
      try {
        await addUsage(deps.db, {
          accountId,
          day,
          ourCalls: entry.calls,
          ...(entry.usage ? { used: entry.usage.used, limit: entry.usage.limit, reportedAt: entry.at! } : {}),
        });
      } catch (error) {
        // The account may have been removed meanwhile; anything else is tried again later.
        if (!/foreign key/i.test(String((error as Error).message))) {
          const back = pending.get(accountId) ?? { calls: 0 };
          pending.set(accountId, { ...entry, calls: back.calls + entry.calls });
          throw error;
        }
      }
    }
  }

  async function stop(): Promise<void> {
    if (timer) clearInterval(timer);
    timer = undefined;
    await flush();
  }

  /** Today's usage of these accounts, for their tiles. */
  async function today(accountIds: string[]): Promise<Map<string, AccountUsage>> {
    const rows = await usageOfDay(deps.db, accountIds, utcDay(deps.clock.now()));
    const out = new Map<string, AccountUsage>();
    for (const id of accountIds) {
      const row = rows.find((r) => r.accountId === id);
      const mine = latest.get(id);
      const newer = mine && (!row?.reportedAt || mine.at > row.reportedAt);
      out.set(id, {
        used: newer ? mine.usage.used : (row?.used ?? null),
        limit: newer ? mine.usage.limit : (row?.limit ?? null),
        reportedAt: newer ? mine.at : (row?.reportedAt ?? null),
        ourCallsToday: (row?.ourCalls ?? 0) + (pending.get(id)?.calls ?? 0),
      });
    }
    return out;
  }

  /** The newest reported usage; asks Salesforce (`/limits`, one call) when what we know is stale. */
  async function current(accountId: string, client: SalesforceClient): Promise<ApiUsage | undefined> {
    const now = deps.clock.now().getTime();
    const mine = latest.get(accountId);
    if (mine && now - mine.at.getTime() < STALE_MS) return mine.usage;
    const row = await latestReported(deps.db, accountId);
    if (
      row?.reportedAt &&
      row.used !== null &&
      row.limit !== null &&
      now - row.reportedAt.getTime() < STALE_MS
    ) {
      return { used: row.used, limit: row.limit };
    }
    // Limits (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm):
    // DailyApiRequests { Max, Remaining }. Its answer's Sforce-Limit-Info is recorded as well.
    const limits = await client.request<{ DailyApiRequests?: { Max: number; Remaining: number } }>({
      method: 'GET',
      path: '/limits',
    });
    const daily = limits.DailyApiRequests;
    return daily ? { used: daily.Max - daily.Remaining, limit: daily.Max } : client.usage();
  }

  return { record, flush, stop, today, current };
}
