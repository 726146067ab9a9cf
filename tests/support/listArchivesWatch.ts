import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from './world';

export interface ListArchivesWatch {
  /** `list_archives` requests the LiveChat emulator received. */
  calls: number;
  /** While set, `list_archives` is answered with this status (LiveChat down); nothing else is. */
  outage: number | null;
}

/**
 * Counts the LiveChat emulator's `list_archives` requests at its HTTP server as they arrive, and can
 * answer them as an outage would, without the emulator knowing: the test's own view of the wire.
 */
export function watchListArchives(world: World): ListArchivesWatch {
  const watch: ListArchivesWatch = { calls: 0, outage: null };
  const server = world.livechat.server;
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/v3.5/agent/action/list_archives')) {
      watch.calls++;
      if (watch.outage) {
        res.writeHead(watch.outage, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'internal', message: 'Service unavailable' } }));
        return;
      }
    }
    for (const handle of handlers) handle.call(server, req, res);
  });
  return watch;
}
