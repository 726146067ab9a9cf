/**
 * The linked_sets migration: mappings saved before it (one per object, entries of the three old
 * types, "link" or "create") read as they did, as record mappings with nothing new set, and the
 * conversation log may then sit beside a Task record mapping of the same account.
 */
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../../server/db/migrator';
import { createDatabase, type Database } from '../../../server/db/prisma';
import { createMapping, listMappings, toMapping } from '../../../server/mappings/mappings.repo';
import type { Mapping } from '../../../src/mapping/mapping';
import { createEmptyDatabase, migrationsDir } from '../../support/database';

const logger = pino({ level: 'silent' });
const LICENSE = 'lic-before-linked-sets';
const ACCOUNT = '7b0c1d7e-5f2a-4d7c-9a51-0f3b6a1e2c11';
const LEAD = '2f6f0b8e-1d55-4a55-8f0a-0d6d3f3f1a01';

let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
let db: Database;

beforeAll(async () => {
  empty = await createEmptyDatabase('mig15');
  const migrations = await readMigrations(migrationsDir);
  const at = migrations.findIndex((m) => m.name.endsWith('_linked_sets'));
  expect(at).toBeGreaterThan(0);
  await applyMigrations({ databaseUrl: empty.url, migrations: migrations.slice(0, at), logger });
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO licenses (id, updated_at) VALUES ($1, now())`, [LICENSE]);
    await client.query(
      `INSERT INTO salesforce_accounts (id, license_id, label, environment, login_url, updated_at)
       VALUES ($1, $2, 'Production', 'production', 'https://login.salesforce.com', now())`,
      [ACCOUNT, LICENSE],
    );
    await client.query(
      `INSERT INTO object_mappings (id, license_id, account_id, object_name, object_label, automation,
         duplicate_policy, auto_assign, updated_at)
       VALUES ($1, $2, $3, 'Lead', 'Lead', true, 'link', false, now())`,
      [LEAD, LICENSE, ACCOUNT],
    );
    await client.query(
      `INSERT INTO field_mappings (id, mapping_id, position, field, entry_type, static_value, dynamic_source,
         match_object, match_field, match_source, searchable) VALUES
       (gen_random_uuid(), $1, 0, 'LastName', 'dynamic', NULL, 'visitor.lastName', NULL, NULL, NULL, false),
       (gen_random_uuid(), $1, 1, 'Email', 'dynamic', NULL, 'visitor.email', NULL, NULL, NULL, true),
       (gen_random_uuid(), $1, 2, 'Company', 'static', '"ACME"', NULL, NULL, NULL, NULL, false),
       (gen_random_uuid(), $1, 3, 'OwnerId', 'auto_match', NULL, NULL, 'User', 'Email', 'agent.email', false)`,
      [LEAD],
    );
  } finally {
    await client.end();
  }
  await applyMigrations({ databaseUrl: empty.url, migrations, logger });
  db = createDatabase(empty.url, { max: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
  await empty?.drop();
});

describe('the linked_sets migration', () => {
  it('keeps a mapping saved before it as the same record mapping', async () => {
    const [row] = await listMappings(db, LICENSE, ACCOUNT);
    expect(toMapping(row!)).toEqual({
      objectName: 'Lead',
      kind: 'record',
      fields: [
        { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
        { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
        { entryType: 'static', field: 'Company', value: 'ACME' },
        {
          entryType: 'autoMatch',
          field: 'OwnerId',
          match: { object: 'User', field: 'Email', source: 'agent.email' },
        },
      ],
      searchableFields: ['Email'],
      automation: true,
      duplicatePolicy: 'link',
      autoAssign: false,
    });
  });

  it('then stores every new part, and lets the conversation log sit beside a Task record mapping', async () => {
    const base: Pick<Mapping, 'searchableFields' | 'automation' | 'duplicatePolicy' | 'autoAssign'> = {
      searchableFields: [],
      automation: false,
      duplicatePolicy: 'create',
      autoAssign: false,
    };
    const task = await createMapping(db, {
      licenseId: LICENSE,
      accountId: ACCOUNT,
      objectLabel: 'Task',
      mapping: {
        ...base,
        objectName: 'Task',
        fields: [{ entryType: 'static', field: 'Subject', value: 'Call' }],
      },
    });
    const log = await createMapping(db, {
      licenseId: LICENSE,
      accountId: ACCOUNT,
      objectLabel: 'Task',
      mapping: {
        ...base,
        objectName: 'Task',
        kind: 'conversation',
        logAs: 'note',
        fields: [
          { entryType: 'dynamic', field: 'Description', source: 'chat.conversation' },
          { entryType: 'chatRecord', field: 'WhoId', object: 'Lead', updateRule: 'never' },
        ],
      },
    });
    expect(toMapping(task).kind).toBe('record');
    expect(toMapping(log)).toMatchObject({
      kind: 'conversation',
      logAs: 'note',
      fields: [
        { entryType: 'dynamic', field: 'Description', source: 'chat.conversation' },
        { entryType: 'chatRecord', field: 'WhoId', object: 'Lead', updateRule: 'never' },
      ],
    });
    await expect(
      createMapping(db, {
        licenseId: LICENSE,
        accountId: ACCOUNT,
        objectLabel: 'Task',
        mapping: { ...base, objectName: 'Task', kind: 'conversation', logAs: 'task', fields: [] },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});
