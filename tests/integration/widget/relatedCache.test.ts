import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelatedCache, type RelatedCache } from '../../../server/widget/relatedCache';
import type { SearchRecord } from '../../../server/widget/relatedSearch';
import { createTestDatabase, type TestDatabase } from '../../support/database';

// The related-records cache on a real PostgreSQL: an answer searched before a chat's entries were
// forgotten (a record created from it) is not kept, whenever its write lands.

let database: TestDatabase;
let cache: RelatedCache;
let clock = new Date('2026-12-02T10:00:00.000Z');
const at = (iso: string) => new Date(`2026-12-02T${iso}Z`);

beforeAll(async () => {
  database = await createTestDatabase();
  cache = createRelatedCache({
    db: database.db,
    ttlMs: 60_000,
    now: () => clock,
    logger: pino({ level: 'silent' }),
  });
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const record = (id: string): SearchRecord =>
  ({ Id: id, attributes: { type: 'Contact', url: `/sobjects/Contact/${id}` } }) as SearchRecord;
/** A search's answer of these Contacts: sent at `searched`, come back at `fetched` (times of day). */
const answer = (ids: string[], searched: string, fetched: string) => ({
  records: ids.map(record),
  searchedFrom: at(searched),
  fetchedAt: at(fetched),
});
/** The ids of the answer the cache gives back, if any. */
const keptIds = async (account: string, chatId: string) =>
  (await cache.get(account, chatId, 'search'))?.records.map((r) => r.Id);

describe('the related-records cache', () => {
  it('keeps an answer searched after the chat was last forgotten, and reads it back', async () => {
    const account = randomUUID();
    clock = at('10:00:00.000');
    await cache.forgetChat(account, 'CHAT1');
    await cache.set(account, 'CHAT1', 'search', answer(['003A'], '10:00:01.000', '10:00:02.000'));
    clock = at('10:00:03.000');
    expect(await keptIds(account, 'CHAT1')).toEqual(['003A']);
    expect((await cache.get(account, 'CHAT1', 'search'))?.fetchedAt.toISOString()).toBe(
      '2026-12-02T10:00:02.000Z',
    );
  });

  it('does not keep an answer whose search began before the chat was forgotten, though it lands after', async () => {
    const account = randomUUID();
    // The search leaves at 10:00:01; a record is created and the chat forgotten at 10:00:01.5; the
    // answer (without the new record) comes back at 10:00:02 and its write lands after the forget.
    clock = at('10:00:01.500');
    await cache.forgetChat(account, 'CHAT2');
    await cache.set(account, 'CHAT2', 'search', answer(['003B'], '10:00:01.000', '10:00:02.000'));
    clock = at('10:00:03.000');
    expect(await cache.get(account, 'CHAT2', 'search')).toBeUndefined();
    // The next search, sent after the forget, is kept.
    await cache.set(account, 'CHAT2', 'search', answer(['003B', '003C'], '10:00:03.000', '10:00:04.000'));
    expect(await keptIds(account, 'CHAT2')).toEqual(['003B', '003C']);
  });

  it('forgets only that chat of that account, and a later forget still drops what was kept', async () => {
    const account = randomUUID();
    const other = randomUUID();
    const searched = (id: string) => answer([id], '10:00:01.000', '10:00:02.000');
    await cache.set(account, 'CHAT3', 'search', searched('003D'));
    await cache.set(account, 'CHAT4', 'search', searched('003E'));
    await cache.set(other, 'CHAT3', 'search', searched('003F'));
    clock = at('10:00:05.000');
    await cache.forgetChat(account, 'CHAT3');
    expect(await cache.get(account, 'CHAT3', 'search')).toBeUndefined();
    expect(await keptIds(account, 'CHAT4')).toEqual(['003E']);
    expect(await keptIds(other, 'CHAT3')).toEqual(['003F']);
    // Forgotten twice: the mark moves on (the rows of this chat stay one mark, no entry).
    clock = at('10:00:06.000');
    await cache.forgetChat(account, 'CHAT3');
    const rows = await database.db.relatedRecordsCache.findMany({
      where: { accountId: account, chatId: 'CHAT3' },
    });
    expect(rows.map((r) => [r.searchKey, r.fetchedAt.toISOString()])).toEqual([
      ['', '2026-12-02T10:00:06.000Z'],
    ]);
  });
});
