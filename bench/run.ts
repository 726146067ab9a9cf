/**
 * npm run bench: runs every `bench/*.bench.ts` (each exports `run()` answering its measurements)
 * against the local emulators and prints what they measured. Numbers, not pass/fail: tests never time.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[name];

// One real PostgreSQL for the benchmarks (embedded, in a temporary folder), as the tests use.
const { mkdtemp, rm } = await import('node:fs/promises');
const os = await import('node:os');
const pino = (await import('pino')).default;
const { startEmbeddedPostgres } = await import('../server/db/embeddedPostgres');
const pgDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-bench-pg-'));
const postgres = await startEmbeddedPostgres({ dataDir: pgDir, logger: pino({ level: 'warn' }) });
process.env.SFL_DATABASE_ADMIN_URL = postgres.adminUrl;

const dir = import.meta.dirname;
const only = process.argv[2];
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) {
  process.stdout.write('no benchmarks found\n');
}
for (const file of files) {
  const started = Date.now();
  const bench = (await import(path.join(dir, file))) as { run(): Promise<Record<string, number | string>> };
  const results = await bench.run();
  process.stdout.write(`\n${file} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) {
    process.stdout.write(
      `  ${key.padEnd(width)}  ${typeof value === 'number' ? Number(value.toFixed(2)) : value}\n`,
    );
  }
}
await postgres.stop();
await rm(pgDir, { recursive: true, force: true });
process.exit(0);
