/**
 * `npm run build [-- --out-dir DIR] [--quiet]`: the frontends into dist/ (or DIR). Two builds of
 * vite.config.ts, in this order: the Settings app (React), then the Chat Details widget on Preact (its
 * `widget` mode), which adds its page and assets beside the settings'. Always production builds: Vite
 * takes NODE_ENV as it finds it (a test runner's `test` would give React's development build).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';

process.env.NODE_ENV = 'production';
const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, quiet: { type: 'boolean' } } });
const outDir = values['out-dir'];

for (const mode of ['production', 'widget']) {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    mode,
    ...(values.quiet && { logLevel: 'warn' as const }),
    ...(outDir && { build: { outDir: path.resolve(outDir) } }),
  });
}
