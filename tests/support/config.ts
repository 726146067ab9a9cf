import { parseConfig, type Config } from '../../server/config';

/** A valid demo-mode configuration for tests, with overrides. */
export function buildConfig(overrides: Partial<Config> = {}): Config {
  const result = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return { ...result.config, ...overrides };
}
