import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * dist/ as `npm run build` leaves it, or SFL_DIST_DIR (`npm run build -- --out-dir <dir>`), so two people
 * working in one checkout can build and run the Chromium tests without emptying each other's folder.
 */
export const distDir = process.env.SFL_DIST_DIR
  ? path.resolve(process.env.SFL_DIST_DIR)
  : path.join(root, 'dist');

/** The built frontends; built here when a test runs alone without them. */
export function ensureBuilt(): string {
  if (!existsSync(path.join(distDir, 'widget', 'index.html'))) buildFrontends(distDir);
  return distDir;
}

/** `npm run build` into `outDir` (scripts/buildFrontends.ts: the settings' build, then the widget's). */
export function buildFrontends(outDir: string): void {
  // The Node running the tests (the project's own), not whichever `node` comes first on the PATH.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/buildFrontends.ts', '--quiet', '--out-dir', outDir],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
