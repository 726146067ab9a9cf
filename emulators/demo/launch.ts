/**
 * `npm start` without credentials: the demo, on PORT (app), PORT+1 (LiveChat) and PORT+2 (Salesforce),
 * fixed so that the URLs stored in the demo's database stay valid from one run to the next.
 */
import type { Config } from '../../server/config';
import { stopOnSignals } from '../../server/lifecycle/stopOnSignals';
import { loggerFor, startFailed } from '../../server/main';
import type { StartOptions } from '../../server/server';
import { startDemo } from './demo';

export async function runDemo(config: Config, options: StartOptions): Promise<void> {
  const logger = loggerFor(config);
  const port = config.port || 3000;
  let demo;
  try {
    demo = await startDemo({ ...config, port }, logger, {
      ...options,
      livechatPort: port + 1,
      salesforcePort: port + 2,
      // The emulators start afresh at every start, so the demo's database does too: a chat id the
      // LiveChat emulator hands out again is a new chat, not a redelivery of an old one.
      databaseName: 'salesforce_livechat_demo',
      freshDatabase: true,
      // Every ended chat: the visitor's Contact, a Case for it, and the conversation as a Task on both.
      linkedSet: true,
    });
  } catch (error) {
    startFailed(logger, error, 'the demo could not start');
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
  stopOnSignals(logger, demo.stop, { graceMs: config.shutdownGraceMs });
}
