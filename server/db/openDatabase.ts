import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { startEmbeddedPostgres } from './embeddedPostgres';
import { applyMigrations, readMigrations, type Migration } from './migrator';
import { createDatabase, type Database } from './prisma';

export const DATABASE_NAME = 'salesforce_livechat';

export interface OpenDatabaseOptions {
  migrationsDir?: string;
  /** The database on an embedded server (default `salesforce_livechat`). */
  databaseName?: string;
  /** Drop that database and start from an empty one (the demo, whose emulators start afresh too). */
  freshDatabase?: boolean;
}

/**
 * The app's database, migrated: DATABASE_URL, or an embedded PostgreSQL under DATA_DIR. Each step
 * that needs undoing is pushed onto `cleanups` (run in reverse), also when a later step fails.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  projectRoot: string,
  cleanups: (() => Promise<void>)[],
  options: OpenDatabaseOptions = {},
): Promise<{ db: Database; databaseUrl: string; migrations: Migration[] }> {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(projectRoot, config.dataDir, 'postgres'),
      logger,
    });
    cleanups.push(() => embedded.stop());
    const name = options.databaseName ?? DATABASE_NAME;
    if (options.freshDatabase) await embedded.dropDatabase(name);
    await embedded.createDatabase(name);
    databaseUrl = embedded.urlFor(name);
  }
  const migrations = await readMigrations(
    options.migrationsDir ?? path.join(projectRoot, 'prisma', 'migrations'),
  );
  await applyMigrations({ databaseUrl, migrations, logger });
  const db = createDatabase(databaseUrl);
  cleanups.push(() => db.$disconnect());
  return { db, databaseUrl, migrations };
}
