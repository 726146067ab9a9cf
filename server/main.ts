/**
 * The app's entry point: parses the configuration, starts the server, and shuts it down gracefully
 * on SIGTERM/SIGINT. Demo mode (no credentials) is started by scripts/start.ts, which runs the
 * local emulators first and then calls runServer.
 */
import type { Config } from './config';
import { parseConfig } from './config';
import { createLogger } from './logger';
import { startServer, type StartOptions } from './server';

export async function runServer(config: Config, options: StartOptions = {}): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  let running;
  try {
    running = await startServer(config, logger, options);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'the app could not start');
    process.exitCode = 1;
    return;
  }
  logger.info(
    { url: running.url, mode: config.mode },
    `Salesforce for LiveChat is listening on ${running.url}`,
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

export function configFromEnvironmentOrExit(): Config {
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`The configuration has ${result.problems.length} problem(s):\n`);
    for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
  return result.config;
}

if (import.meta.main) {
  await runServer(configFromEnvironmentOrExit(), { dev: process.argv.includes('--dev') });
}
