/**
 * npm run db:migration -- NAME
 *
 * Writes the next migration from the change to prisma/schema.prisma: the SQL between the schema
 * snapshot kept beside the latest migration and the current schema, computed by `prisma migrate diff`.
 * Uses DATABASE_URL when set, otherwise a throwaway embedded PostgreSQL (the diff needs a server).
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from '../server/db/embeddedPostgres';
import { diffSchemas } from '../server/db/prismaCli';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- name_in_snake_case');
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schema = path.join(root, 'prisma', 'schema.prisma');
const existing = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const latest = existing.at(-1);
const fromSchema = latest ? path.join(migrationsDir, latest, 'schema.prisma') : null;

const logger = pino({ level: 'warn' });
let stop = async () => {};
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-migration-'));
  const db = await startEmbeddedPostgres({ dataDir, logger });
  databaseUrl = db.adminUrl;
  stop = async () => {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

try {
  const sql = await diffSchemas({ fromSchema, toSchema: schema, databaseUrl, cwd: root });
  if (!sql.trim()) {
    console.log('prisma/schema.prisma has no change since the latest migration; nothing written.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir);
    await writeFile(path.join(dir, 'migration.sql'), sql);
    await copyFile(schema, path.join(dir, 'schema.prisma'));
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql; the app applies it at its next start.`);
  }
} finally {
  await stop();
}
