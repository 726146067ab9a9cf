import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pino from 'pino';
import { startEmbeddedPostgres } from '../../server/db/embeddedPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server where each test file creates a database of its own. */
    databaseAdminUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL's server when set, otherwise an embedded one in
 * a temporary folder, removed at the end. jsforce reads proxy variables at load time and would send
 * loopback calls through a proxy, so they are cleared for every test process.
 */
export default async function setup(project: TestProject) {
  for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[name];
  if (process.env.DATABASE_URL) {
    project.provide('databaseAdminUrl', process.env.DATABASE_URL);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-test-pg-'));
  const db = await startEmbeddedPostgres({ dataDir, logger: pino({ level: 'warn' }) });
  project.provide('databaseAdminUrl', db.adminUrl);
  return async () => {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
