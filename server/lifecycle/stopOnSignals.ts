import type { Logger } from 'pino';

/** How long a stop may take before the process ends anyway (requests and runs get most of it). */
export const STOP_GRACE_MS = 20_000;

/**
 * The one shutdown path of every entry point (the app, the demo, the worker alone). SIGTERM or SIGINT,
 * whoever sends it (Ctrl-C in a terminal, npm forwarding it, a process manager, a container runtime
 * when we are PID 1, which gets no default handlers), runs `stop` once and exits 0 when it is done.
 * A second signal, or a stop still going after `graceMs` plus a margin, ends the process at once
 * with a non-zero code, so a stuck shutdown never hangs a deploy. (The worker the app starts gets
 * SIGTERM from itself when the app is gone: see whenAppGone.ts.)
 */
export function stopOnSignals(
  logger: Logger,
  stop: () => Promise<void>,
  options: { graceMs?: number } = {},
): void {
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: stopping now, without waiting');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    const overrun = setTimeout(() => {
      logger.error({ graceMs }, 'the stop took too long; ending the process');
      process.exit(1);
    }, graceMs + 5_000);
    overrun.unref();
    stop().then(
      () => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      },
      (error: unknown) => {
        logger.error({ err: error }, 'the stop failed');
        logger.flush(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
