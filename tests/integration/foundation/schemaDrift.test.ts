import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../../server/db/migrator';
import { diffSchemas } from '../../../server/db/prismaCli';
import { createEmptyDatabase, migrationsDir } from '../../support/database';

const root = path.resolve(import.meta.dirname, '../../..');
const schema = path.join(root, 'prisma', 'schema.prisma');
const dropAfter: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropAfter) await drop();
});

/** Tables, columns, types, defaults, indexes and constraints: what two databases must share. */
async function catalog(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
         AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
       ORDER BY conname`);
    const enums = await client.query(`
      SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, e.enumsortorder`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

describe('schema.prisma and the committed migrations', () => {
  it('have no change left to migrate', async () => {
    const migrations = await readMigrations(migrationsDir);
    const latest = migrations.at(-1)!.name;
    const db = await createEmptyDatabase('drift');
    dropAfter.push(db.drop);
    const sql = await diffSchemas({
      fromSchema: path.join(migrationsDir, latest, 'schema.prisma'),
      toSchema: schema,
      databaseUrl: db.url,
      cwd: root,
    });
    expect(sql, 'run `npm run db:migration -- name` to write the migration for this change').toBe('');
  });

  it('build the same database as schema.prisma does', async () => {
    const migrated = await createEmptyDatabase('drift');
    const fromSchema = await createEmptyDatabase('drift');
    dropAfter.push(migrated.drop, fromSchema.drop);

    await applyMigrations({
      databaseUrl: migrated.url,
      migrations: await readMigrations(migrationsDir),
      logger: pino({ level: 'silent' }),
    });
    const sql = await diffSchemas({
      fromSchema: null,
      toSchema: schema,
      databaseUrl: fromSchema.url,
      cwd: root,
    });
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    expect(await catalog(migrated.url)).toEqual(await catalog(fromSchema.url));
  });
});
