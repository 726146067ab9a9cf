/**
 * The app's entry point: parses the configuration, starts the server, and stops it on SIGTERM/SIGINT.
 * Demo mode (no credentials) is started by scripts/start.ts, which runs the local emulators first.
 */
import type { Logger } from 'pino';
import type { Config } from './config';
import { parseConfig } from './config';
import { StartupError } from './lifecycle/startupError';
import { stopOnSignals } from './lifecycle/stopOnSignals';
import { createLogger } from './logger';
import { startServer, type StartOptions } from './server';

export async function runServer(config: Config, options: StartOptions = {}): Promise<void> {
  const logger = loggerFor(config);
  let running;
  try {
    running = await startServer(config, logger, options);
  } catch (error) {
    startFailed(logger, error, 'the app could not start');
    return;
  }
  logger.info(
    { url: running.url, mode: config.mode },
    `Salesforce for LiveChat is listening on ${running.url}`,
  );
  stopOnSignals(logger, running.stop, { graceMs: config.shutdownGraceMs });
}

/** How `npm start` runs the automation worker: in a process of its own, unless AUTOMATION_WORKER=none. */
export const workerPlacement = (config: Config): StartOptions['worker'] =>
  config.worker === 'none' ? false : 'process';

/** The process's logger; `name` marks its lines where several processes share one stream. */
export const loggerFor = (config: Config, name?: string): Logger =>
  createLogger({ level: config.logLevel, format: config.logFormat, ...(name && { name }) });

/** A start that failed: one plain sentence when the person can fix it, else logged with its cause. */
export function startFailed(logger: Logger, error: unknown, fallback: string): void {
  if (error instanceof StartupError) logger.fatal(error.message);
  else logger.fatal({ err: error }, error instanceof Error ? error.message : fallback);
  process.exitCode = 1;
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
  const config = configFromEnvironmentOrExit();
  await runServer(config, { dev: process.argv.includes('--dev'), worker: workerPlacement(config) });
}
