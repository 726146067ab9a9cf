/**
 * `npm run worker`: the automation worker alone, for running several machines. It needs the shared
 * database (DATABASE_URL); on a single machine `npm start` runs this worker in a process of its own.
 */
import { createServices } from './app';
import { createQueueFor } from './automation/queue';
import { startWorker } from './automation/worker';
import { createDatabase } from './db/prisma';
import { stopOnSignals } from './lifecycle/stopOnSignals';
import { configFromEnvironmentOrExit, loggerFor } from './main';
import { workerOf } from './server';

const config = configFromEnvironmentOrExit();
const logger = loggerFor(config, 'worker');
if (!config.databaseUrl) {
  logger.fatal(
    'The worker alone needs DATABASE_URL (the database the app uses); `npm start` runs a worker beside the app.',
  );
  process.exit(1);
}
const db = createDatabase(config.databaseUrl);
const queue = createQueueFor(config, config.databaseUrl, logger);
const services = createServices({ config, logger, db, queue });
// The signal handlers come first: the worker takes jobs as soon as it starts, before its start
// has resolved (it still sets up its LISTEN), and SIGTERM's default would end a run mid-way.
const starting = startWorker(workerOf(services, queue, logger));
stopOnSignals(
  logger,
  async () => {
    const worker = await starting;
    await worker.stop({ graceMs: config.shutdownGraceMs });
    await services.apiUsage.stop();
    await db.$disconnect();
  },
  { graceMs: config.shutdownGraceMs },
);
await starting;
