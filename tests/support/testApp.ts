import type http from 'node:http';
import pino from 'pino';
import { createApp, type AppDeps } from '../../server/app';
import { buildConfig } from './config';
import type { TestDatabase } from './database';

export interface TestApp {
  url: string;
  close(): Promise<void>;
}

/** The real app on a free port against a test database. */
export async function startTestApp(
  database: TestDatabase,
  overrides: Partial<AppDeps> = {},
): Promise<TestApp> {
  const app = createApp({
    config: buildConfig(),
    logger: pino({ level: 'silent' }),
    db: database.db,
    migrationNames: database.migrationNames,
    ...overrides,
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
