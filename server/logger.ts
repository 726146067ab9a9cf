import pino, { type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

/** Paths pino replaces with "[redacted]": tokens, secrets and cookies never reach a log line. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.access_token',
  '*.refresh_token',
  '*.accessToken',
  '*.refreshToken',
  '*.client_secret',
  '*.clientSecret',
  '*.secret_key',
  '*.code_verifier',
  '*.password',
];

/**
 * The app's logger: JSON lines in production (for a log collector), readable lines for a person in
 * the demo and in development (pino-pretty, written synchronously so the last lines before an exit
 * are never lost).
 */
export function createLogger(options: {
  level: string;
  format?: 'pretty' | 'json';
  destination?: pino.DestinationStream;
  /** The process's name on each line ("worker"): the app and its worker write to one stream. */
  name?: string;
}): Logger {
  const destination =
    options.destination ??
    (options.format === 'pretty'
      ? PinoPretty({
          sync: true,
          colorize: Boolean(process.stdout.isTTY),
          translateTime: 'SYS:HH:MM:ss',
          // A request's line says method, path, status and time in its message already.
          ignore: 'pid,hostname,module,req,res,responseTime',
          messageFormat: '{if module}{module}: {end}{msg}',
          singleLine: true,
        })
      : // Synchronous: an asynchronous write still in flight at exit lands after the lines flushed
        // on exit, so the last lines came out of order (seen: "stopped" before what preceded it).
        pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: options.level,
      ...(options.name && { name: options.name }),
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: undefined,
    },
    destination,
  );
}
