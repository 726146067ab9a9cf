import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * SQL that turns the database described by `fromSchema` (or an empty one) into `toSchema`, computed by
 * `prisma migrate diff` through the JS schema engine, which needs a reachable PostgreSQL at
 * `databaseUrl` even though it only compares two files. Empty when they describe the same database.
 */
export async function diffSchemas(options: {
  fromSchema: string | null;
  toSchema: string;
  databaseUrl: string;
  cwd: string;
}): Promise<string> {
  const from = options.fromSchema ? ['--from-schema-datamodel', options.fromSchema] : ['--from-empty'];
  const { stdout } = await run(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', options.toSchema, '--script'],
    {
      cwd: options.cwd,
      env: { ...process.env, DATABASE_URL: options.databaseUrl, CHECKPOINT_DISABLE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout.includes('This is an empty migration.') ? '' : stdout;
}
