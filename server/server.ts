import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { createApp, createServices, type Services } from './app';
import type { Config } from './config';
import { openDatabase } from './db/openDatabase';
import type { Database } from './db/prisma';
import { builtFrontends } from './http/frontends';
import { pagesWithConfig } from './http/pagesWithConfig';
import { publicConfigOf } from './session/session.routes';
import { createQueueFor, type JobQueue } from './automation/queue';
import { answerClientErrorsAsJson } from './http/clientErrors';
import { listen } from './lifecycle/listen';
import { keepWebhookRegistered } from './livechat/keepWebhookRegistered';
import { startWorker } from './automation/worker';
import { createChatEndedIntake } from './automation/webhookEvents.repo';
import { startWorkerProcess, workerEnvironment } from './lifecycle/workerProcess';

export const projectRoot = path.resolve(import.meta.dirname, '..');

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  db: Database;
  services: Services;
  /**
   * Stops accepting connections; lets requests and automation runs in flight finish within the
   * configured grace (then closes the connections and releases the runs); stops the queue, the
   * database client and, last, any embedded PostgreSQL.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  migrationsDir?: string;
  distDir?: string;
  /** Serve the frontends through Vite's dev middleware (hot reload) instead of dist/. */
  dev?: boolean;
  /**
   * Where the automation worker runs: in this process (`true`, the default: tests), in a process of
   * its own started and stopped with the app (`'process'`: `npm start`), or not here (`false`).
   */
  worker?: boolean | 'process';
  /** How often an idle worker looks for jobs (tests shorten it). */
  pollingIntervalSeconds?: number;
  /** The database on an embedded server (default `salesforce_livechat`). */
  databaseName?: string;
  /** Drop that database and start from an empty one (the demo, whose emulators start afresh too). */
  freshDatabase?: boolean;
}

/**
 * Starts the whole app: database (embedded unless DATABASE_URL), migrations under an advisory lock,
 * the HTTP server. Throws (after cleaning up) when something cannot start, e.g. a failed migration.
 */
export async function startServer(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse())
      await fn().catch((err: unknown) => logger.warn({ err }, 'cleanup failed'));
  };
  try {
    const { db, databaseUrl, migrations } = await openDatabase(
      config,
      logger,
      projectRoot,
      cleanups,
      options,
    );

    const distDir = options.distDir ?? path.join(projectRoot, 'dist');
    const frontends = options.dev
      ? await viteMiddleware()
      : Router().use(pagesWithConfig(distDir, publicConfigOf(config)), builtFrontends(distDir));
    if (!options.dev && !existsSync(path.join(distDir, 'widget'))) {
      logger.warn('dist/ has no built frontends: run `npm run build`');
    }

    const inProcess = options.worker === undefined || options.worker === true;
    // Without a worker here, this process only sends: the queue's upkeep is the workers'.
    const queue = createQueueFor(config, databaseUrl, logger, options.pollingIntervalSeconds, {
      sendOnly: !inProcess,
    });
    await queue.start();
    cleanups.push(() => queue.stop());
    const intake = createChatEndedIntake(databaseUrl);
    cleanups.push(() => intake.close());
    const migrationNames = migrations.map((m) => m.name);
    const deps = { config, logger, db, migrationNames, frontends, queue, intake };
    const services = createServices(deps);
    cleanups.push(() => services.apiUsage.stop()); // the last counts are written before the database closes
    const registration = await keepWebhookRegistered(services.webhookRegistration, logger);
    cleanups.push(async () => registration.stop());
    await services.webhookSecrets.preload(); // the first delivery is checked from memory too
    const worker = inProcess ? await startWorker(workerOf(services, queue, logger)) : undefined;
    const app = createApp({ ...deps, services });
    const httpServer = http.createServer(app);
    answerClientErrorsAsJson(httpServer);
    const port = await listen(httpServer, config.port, config.host, { what: 'the app', variable: 'PORT' });
    const url = config.port === port ? config.publicUrl : `http://localhost:${port}`;
    const workerProcess =
      options.worker === 'process'
        ? startWorkerProcess({
            entry: path.join(projectRoot, 'server', 'worker.ts'),
            cwd: projectRoot,
            env: workerEnvironment(config, databaseUrl),
            logger,
          })
        : undefined;

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        const graceMs = config.shutdownGraceMs;
        await Promise.all([
          closeHttp(httpServer, graceMs),
          worker?.stop({ graceMs }),
          workerProcess?.stop(graceMs),
        ]);
        await cleanup();
      })());
    return { url, httpServer, db, services, stop };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The automation worker's dependencies, from the services (the app's and `npm run worker`'s). */
export const workerOf = (services: Services, queue: JobQueue, logger: Logger) => ({
  processor: services.chatProcessor,
  webhooks: services.webhooks,
  activity: services.activity,
  queue,
  logger,
});

/** Stops accepting; requests in flight get `graceMs` to finish, then their connections are closed. */
async function closeHttp(server: http.Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}

async function viteMiddleware(): Promise<RequestHandler> {
  const { createServer } = await import('vite');
  const vite = await createServer({ root: projectRoot, server: { middlewareMode: true }, appType: 'mpa' });
  return vite.middlewares as unknown as RequestHandler;
}
