/**
 * `npm run livechat:webhooks [-- rotate]`: the app author's webhook registration, by hand. Without
 * an argument it checks the registration (what every start does); `rotate` gives every webhook a
 * new secret without losing a delivery. It opens the app's database (DATABASE_URL, or the embedded
 * one when the app is not running) and LiveChat with LIVECHAT_AUTHOR_PAT.
 */
import { createServices } from '../app';
import { openDatabase } from '../db/openDatabase';
import { configFromEnvironmentOrExit, loggerFor, startFailed } from '../main';
import { projectRoot } from '../server';

const command = process.argv[2] ?? 'check';
if (command !== 'check' && command !== 'rotate') {
  process.stderr.write('Usage: npm run livechat:webhooks [-- check | rotate]\n');
  process.exit(2);
}
const config = configFromEnvironmentOrExit();
const logger = loggerFor(config);
if (config.mode === 'demo') {
  logger.info('The demo registers its webhooks at every start; nothing to do.');
} else if (!config.livechat.authorToken) {
  logger.fatal(
    'LIVECHAT_AUTHOR_PAT is not set: it is the app author’s personal access token that registers the webhooks.',
  );
  process.exitCode = 1;
} else {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const { db } = await openDatabase(config, logger, projectRoot, cleanups);
    const services = createServices({ config, logger, db });
    cleanups.push(() => services.apiUsage.stop());
    const result =
      command === 'rotate'
        ? await services.webhookRegistration.rotate()
        : await services.webhookRegistration.ensure();
    logger.info({ result }, command === 'rotate' ? 'webhook secrets rotated' : 'webhooks checked');
  } catch (error) {
    startFailed(logger, error, `livechat:webhooks ${command} failed`);
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  }
}
