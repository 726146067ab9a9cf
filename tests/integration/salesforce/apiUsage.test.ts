import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiUsageService } from '../../../server/salesforce/apiUsage.service';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildSalesforceAccount } from '../../support/factories/salesforceAccount';

/** The API usage counter against PostgreSQL: counts add up across flushes and processes. */
let database: TestDatabase;
let accountId: string;
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.license.create({ data: { id: 'lic-usage', licenseNumber: 1 } });
  const account = await database.db.salesforceAccount.create({
    data: buildSalesforceAccount({ licenseId: 'lic-usage', label: 'Usage' }),
  });
  accountId = account.id;
});
afterAll(async () => {
  await database?.close();
});

describe('API usage', () => {
  it('counts answers without Sforce-Limit-Info, keeps the newest reported usage, and adds up two processes', async () => {
    const web = createApiUsageService({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    const worker = createApiUsageService({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    web.record(accountId, undefined); // an HTML 502 page says nothing about usage
    web.record(accountId, { used: 40, limit: 1000 });
    await web.flush();
    worker.record(accountId, undefined);
    await worker.stop();
    web.record(accountId, undefined);
    await web.stop();

    const [row] = await database.db.salesforceApiUsage.findMany({ where: { accountId } });
    expect(row).toMatchObject({ ourCalls: 4, used: 40, limit: 1000 });
    const fresh = createApiUsageService({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    expect((await fresh.today([accountId])).get(accountId)).toMatchObject({
      used: 40,
      limit: 1000,
      ourCallsToday: 4,
    });
  });

  it('drops the counts of an account removed meanwhile instead of retrying them forever', async () => {
    const gone = await database.db.salesforceAccount.create({
      data: buildSalesforceAccount({ licenseId: 'lic-usage', label: 'Gone' }),
    });
    const usage = createApiUsageService({ db: database.db, clock, logger: pino({ level: 'silent' }) });
    usage.record(gone.id, { used: 1, limit: 10 });
    await database.db.salesforceAccount.delete({ where: { id: gone.id } });
    await usage.stop();
    await usage.flush(); // nothing pending any more
    expect(await database.db.salesforceApiUsage.count({ where: { accountId: gone.id } })).toBe(0);
  });
});
