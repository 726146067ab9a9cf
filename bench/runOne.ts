/**
 * One benchmark file in a process of its own, on a PostgreSQL of its own (embedded, in a temporary
 * folder, as the tests use): `bench/run.ts` starts one per file, so a benchmark never runs in the heap,
 * or beside the PostgreSQL autovacuum and checkpoints, that an earlier one left. Prints its results as
 * one `BENCH-RESULT <json>` line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from '../server/db/embeddedPostgres';

for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[name];

const file = process.argv[2]!;
const pgDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-bench-pg-'));
const postgres = await startEmbeddedPostgres({ dataDir: pgDir, logger: pino({ level: 'warn' }) });
process.env.SFL_DATABASE_ADMIN_URL = postgres.adminUrl;
try {
  const bench = (await import(path.join(import.meta.dirname, file))) as {
    run(): Promise<Record<string, number | string>>;
  };
  const load = os.loadavg()[0]!;
  const results = await bench.run();
  process.stdout.write(`BENCH-RESULT ${JSON.stringify({ load, results })}\n`);
} finally {
  await postgres.stop();
  await rm(pgDir, { recursive: true, force: true });
}
process.exit(0);
