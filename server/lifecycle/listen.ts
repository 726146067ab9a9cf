import type http from 'node:http';
import { StartupError } from './startupError';

/** A port someone else holds: said in one sentence, with the variable that moves it. */
export class PortInUseError extends StartupError {
  constructor(
    readonly port: number,
    what: string,
    variable: string,
  ) {
    super(
      `Port ${port} is already in use, so ${what} cannot listen there: stop whatever holds it (an earlier start still running?) or set ${variable} to another port.`,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Starts `server` on `port` and `host`; a port already in use becomes a PortInUseError naming
 * `what` wanted it and the `variable` to change.
 */
export function listen(
  server: http.Server,
  port: number,
  host: string,
  names: { what: string; variable: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, names.what, names.variable) : error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
