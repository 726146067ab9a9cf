/**
 * `npm start` without credentials: the demo, on PORT (app), PORT+1 (LiveChat) and PORT+2 (Salesforce),
 * fixed so that the URLs stored in the demo's database stay valid from one run to the next.
 */
import type { Config } from '../../server/config';
import { createLogger } from '../../server/logger';
import type { StartOptions } from '../../server/server';
import { startDemo } from './demo';

export async function runDemo(config: Config, options: StartOptions): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const port = config.port || 3000;
  let demo;
  try {
    demo = await startDemo({ ...config, port }, logger, {
      ...options,
      livechatPort: port + 1,
      salesforcePort: port + 2,
    });
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'the demo could not start');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    [
      '',
      '  Salesforce for LiveChat — DEMO (local LiveChat and Salesforce emulators, no credentials needed)',
      '',
      `  Open:  ${demo.agentAppUrl}`,
      '',
      `  The page plays LiveChat's Agent App: pick a chat to see the widget, open Apps for the settings,`,
      `  "Sign in as" switches between the owner and a normal agent, "End chat" fires the webhook.`,
      `  App ${demo.appUrl} · LiveChat emulator ${demo.livechatUrl} · Salesforce emulator ${demo.salesforceUrl}`,
      '',
    ].join('\n') + '\n',
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down the demo');
    demo.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
