import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const distDir = path.resolve(import.meta.dirname, '../../dist');

/** dist/ as `npm run build` leaves it; built here when a test runs alone without it. */
export function ensureBuilt(): string {
  if (!existsSync(path.join(distDir, 'widget', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: path.dirname(distDir),
      stdio: 'inherit',
    });
  }
  return distDir;
}
