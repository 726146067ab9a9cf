import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * CI can fail: each pass of `npm test` (its npm script, with its embedded PostgreSQL and global setup)
 * exits non-zero when a test fails or a test file throws at import. The planted files live in a folder
 * of their own for the length of this test only (`tests/**\/planted-*` is git-ignored).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const planted: string[] = [];

async function plant(parent: string): Promise<string> {
  const dir = path.join(root, parent, `planted-${randomBytes(4).toString('hex')}`);
  planted.push(dir);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'fails.test.ts'),
    "import { expect, it } from 'vitest';\nit('is planted to fail', () => expect(1 + 1).toBe(3));\n",
  );
  await writeFile(
    path.join(dir, 'throws.test.ts'),
    "import { it } from 'vitest';\nthrow new Error('planted: this file throws at import');\nit('never runs', () => {});\n",
  );
  return path.relative(root, dir);
}

/** Runs `npm run <script> -- <dir>` and answers its exit code and output. */
async function npmRun(script: string, dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', script, '--', dir], {
      cwd: root,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      timeout: 120_000,
    });
    return { code: 0, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      output: stripVTControlCharacters(`${failed.stdout}${failed.stderr}`),
    };
  }
}

afterAll(async () => {
  for (const dir of planted) await rm(dir, { recursive: true, force: true });
});

describe('the test command', () => {
  it.each([
    ['test:unit', 'tests/unit'],
    ['test:e2e', 'tests/e2e'],
  ])(
    '%s exits non-zero when a test fails and when a file throws at import',
    async (script, parent) => {
      const dir = await plant(parent);
      const { code, output } = await npmRun(script, dir);
      // Both planted files ran and failed: the exit code is theirs, not "no test files found".
      expect(output).toContain('is planted to fail');
      expect(output).toContain('planted: this file throws at import');
      expect(output).toMatch(/Test Files\s+2 failed/);
      expect(code).not.toBe(0);
    },
    150_000,
  );
});
