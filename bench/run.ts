/**
 * npm run bench: runs every `bench/*.bench.ts` (each exports `run()` answering its measurements under
 * fully qualified keys, e.g. `automation.chatsPerSecond`) against the local emulators, prints what
 * they measured, and merges every record into `bench/results.json` (with when, where and under what
 * load it ran). `npm run bench -- automation` runs the files whose name contains "automation" and
 * replaces only their keys. Numbers, not pass/fail: tests never time.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
const resultsFile = path.join(dir, 'results.json');
const merged: Record<string, number | string> = existsSync(resultsFile)
  ? (JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, number | string>)
  : {};
for (const file of files) {
  const started = Date.now();
  const bench = (await import(path.join(dir, file))) as { run(): Promise<Record<string, number | string>> };
  const load = os.loadavg()[0]!;
  const results = await bench.run();
  // A bench's keys share its file's prefix (automation.bench.ts → automation.*): older ones go.
  const prefix = `${file.replace(/\.bench\.ts$/, '')}.`;
  for (const key of Object.keys(merged)) if (key.startsWith(prefix)) delete merged[key];
  Object.assign(merged, results, {
    [`${prefix}ranAt`]: new Date().toISOString(),
    [`${prefix}loadAverageAtStart`]: Number(load.toFixed(2)),
  });
  process.stdout.write(`\n${file} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) {
    process.stdout.write(
      `  ${key.padEnd(width)}  ${typeof value === 'number' ? Number(value.toFixed(2)) : value}\n`,
    );
  }
}
merged['machine.cpus'] = os.cpus().length;
merged['machine.node'] = process.version;
const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
await writeFile(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
process.stdout.write(`\nwrote ${path.relative(process.cwd(), resultsFile)}\n`);
await postgres.stop();
await rm(pgDir, { recursive: true, force: true });
process.exit(0);
