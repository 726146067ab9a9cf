import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrator';
import { createDatabase, type Database } from '../../server/db/prisma';

export const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** The run's PostgreSQL server: vitest's globalSetup provides it; benchmarks set SFL_DATABASE_ADMIN_URL. */
export function databaseAdminUrl(): string {
  return process.env.SFL_DATABASE_ADMIN_URL ?? inject('databaseAdminUrl');
}

export function databaseUrlFor(name: string): string {
  const url = new URL(databaseAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database of its own for one test file, on the run's PostgreSQL server. */
export async function createEmptyDatabase(
  prefix = 't',
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    name,
    url: databaseUrlFor(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseAdminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestDatabase {
  url: string;
  db: Database;
  migrationNames: string[];
  close(): Promise<void>;
}

/** A migrated database of its own, with a Prisma client, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const migrations = await readMigrations(migrationsDir);
  await applyMigrations({ databaseUrl: empty.url, migrations, logger: pino({ level: 'silent' }) });
  const db = createDatabase(empty.url, { max: 5 });
  return {
    url: empty.url,
    db,
    migrationNames: migrations.map((m) => m.name),
    close: async () => {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
