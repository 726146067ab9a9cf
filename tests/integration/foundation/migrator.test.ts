import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, readMigrations } from '../../../server/db/migrator';
import { startServer } from '../../../server/server';
import { buildConfig } from '../../support/config';
import { createEmptyDatabase, migrationsDir } from '../../support/database';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const db = await createEmptyDatabase('mig');
  cleanups.push(db.drop);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sfl-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('the migrator', () => {
  it('applies the committed migrations once and records them as Prisma does', async () => {
    const db = await emptyDatabase();
    const migrations = await readMigrations(migrationsDir);
    expect(migrations.length).toBeGreaterThan(0);

    const first = await applyMigrations({ databaseUrl: db.url, migrations, logger });
    expect(first).toEqual(migrations.map((m) => m.name));
    const second = await applyMigrations({ databaseUrl: db.url, migrations, logger });
    expect(second).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      db.url,
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(
      migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })),
    );
    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'licenses',
        'salesforce_accounts',
        'object_mappings',
        'automation_runs',
        'audit_entries',
      ]),
    );
  });

  it('applies each migration once when two runners start at the same moment', async () => {
    const db = await emptyDatabase();
    const migrations = await readMigrations(migrationsDir);
    const [a, b] = await Promise.all([
      applyMigrations({ databaseUrl: db.url, migrations, logger }),
      applyMigrations({ databaseUrl: db.url, migrations, logger }),
    ]);
    expect([...a, ...b].sort()).toEqual(migrations.map((m) => m.name).sort());
    const rows = await query<{ n: string }>(db.url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(rows[0]?.n)).toBe(migrations.length);
  });

  it('rolls a failing migration back whole and names it', async () => {
    const db = await emptyDatabase();
    const dir = await migrationsFolder({
      '20260101000000_good': 'CREATE TABLE good (id int);',
      '20260102000000_bad': 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
    });
    const migrations = await readMigrations(dir);
    const attempt = applyMigrations({ databaseUrl: db.url, migrations, logger });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/20260102000000_bad failed and was rolled back.*no_such_table/);

    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'good']);
    const rows = await query<{ migration_name: string }>(
      db.url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_good']);
  });

  it('keeps the app from starting when a migration fails', async () => {
    const db = await emptyDatabase();
    const dir = await migrationsFolder({ '20260101000000_broken': 'CREATE TABLE x (id nosuchtype);' });
    const start = startServer(buildConfig({ databaseUrl: db.url }), logger, { migrationsDir: dir });
    await expect(start).rejects.toThrow(/Migration 20260101000000_broken failed.*nosuchtype/);
  });
});
