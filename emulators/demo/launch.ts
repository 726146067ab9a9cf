/**
 * Demo mode: the app against local emulators of LiveChat and Salesforce, with seeded data.
 * (The emulators are wired in as they land; until then the app runs alone, labelled as a demo.)
 */
import type { Config } from '../../server/config';
import { runServer } from '../../server/main';
import type { StartOptions } from '../../server/server';

export async function runDemo(config: Config, options: StartOptions): Promise<void> {
  process.stdout.write('Demo mode: no LiveChat or Salesforce credentials are configured.\n');
  await runServer(config, options);
}
