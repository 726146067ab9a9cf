import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two passes, run one after the other by `npm test`: `unit` (unit, integration and emulator tests, two
 * files at a time) and `e2e` (Chromium, one file at a time: two browsers and servers on two cores made
 * silent sign-in time out). A path given after either narrows it: `npm run test:unit -- tests/unit/chat`.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/support/globalSetup.ts'],
    setupFiles: ['tests/support/setupEnv.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only queue up behind each other.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] },
      },
    ],
  },
});
