/**
 * npm run bench: runs every `bench/*.bench.ts` (each exports `run()` answering its measurements under
 * fully qualified keys, e.g. `automation.chatsPerSecond`) against the local emulators, prints what
 * they measured, and merges every record into `bench/results.json` (with when, where and under what
 * load it ran). `npm run bench -- automation` runs the files whose name contains "automation" and
 * replaces only their keys. Each file runs in a process of its own, on a PostgreSQL of its own
 * (bench/runOne.ts), one after the other. Numbers, not pass/fail: tests never time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const dir = import.meta.dirname;

/** Runs one file in a process of its own (bench/runOne.ts); answers what it measured once it has exited. */
function runOne(file: string): Promise<{ load: number; results: Record<string, number | string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'runOne.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let result: string | undefined;
    child.stdout.on('data', (data: Buffer) => {
      out += String(data);
      // Its other output (a benchmark's progress) passes through; the result line is ours.
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('BENCH-RESULT ')) result = line.slice('BENCH-RESULT '.length);
        else process.stdout.write(`${line}\n`);
      }
    });
    // Only once it has exited (its PostgreSQL stopped): the next file starts on a quiet machine.
    child.once('close', (code) => {
      if (code === 0 && result) resolve(JSON.parse(result) as never);
      else reject(new Error(`${file} exited (${code}) without its results`));
    });
  });
}

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
  const { load, results } = await runOne(file);
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
process.exit(0);
