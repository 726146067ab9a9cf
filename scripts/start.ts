/**
 * npm start: builds the frontends if their sources changed since the last build, then runs the app
 * and, in a process of its own, the automation worker (AUTOMATION_WORKER=none: the web only).
 * Without LiveChat and Salesforce credentials it runs the demo (local emulators, seeded data).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { configFromEnvironmentOrExit, runServer, workerPlacement } from '../server/main';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  // The widget's page is built last (scripts/buildFrontends.ts): there, both builds finished.
  const stamp = path.join(root, 'dist', 'widget', 'index.html');
  const sources = ['widget', 'settings', 'ui', 'src'].map((d) => path.join(root, d)).filter(existsSync);
  const sourcesChanged =
    !existsSync(stamp) ||
    Math.max(
      ...sources.map(newestMtime),
      ...['vite.config.ts', 'scripts/buildFrontends.ts'].map((f) => statSync(path.join(root, f)).mtimeMs),
    ) > statSync(stamp).mtimeMs;
  if (sourcesChanged) {
    process.stdout.write('Building the widget and settings frontends…\n');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/buildFrontends.ts', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}

const parsed = configFromEnvironmentOrExit();
// Vite's dev client needs inline scripts and a websocket: the CSP allows them in development only.
const config = dev ? { ...parsed, env: 'development' as const } : parsed;
if (!dev) buildIfNeeded();
// The automation worker runs in a process of its own, started and stopped with the app.
const worker = workerPlacement(config);
if (config.mode === 'demo') {
  const { runDemo } = await import('../emulators/demo/launch');
  await runDemo(config, { dev, worker });
} else {
  await runServer(config, { dev, worker });
}
