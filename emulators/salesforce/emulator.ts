import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordPageRoutes } from './ui/recordPage';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { createAdmin } from './admin/admin';
import type { SalesforceEmulatorAdmin } from './admin/admin';
import { adminRoutes } from './admin/routes';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { sendJson, sleep } from './http-util';
import { oauthRoutes } from './oauth/routes';
import { restRoutes } from './rest/pipeline';
import { buildDemoSeed } from './seed';
import type { EmulatorSeed } from './seed';
import { createState } from './state';

export interface SalesforceEmulatorOptions {
  /** Connected apps and orgs; defaults to the demo world (`buildDemoSeed()`). */
  seed?: EmulatorSeed;
  clock?: Clock;
  /** A fixed public base URL for `instance_url` and `id` (defaults to the origin of each request). */
  publicUrl?: string;
}

export interface SalesforceEmulator {
  server: Server;
  /** Starts listening (port 0 or none: a free port) on 127.0.0.1; resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** The base URL once listening. */
  readonly url: string | undefined;
  close(): Promise<void>;
  admin: SalesforceEmulatorAdmin;
  seed: EmulatorSeed;
}

/** A local Salesforce: login host and instance on one origin, several orgs, real wire formats. */
export function createSalesforceEmulator(options: SalesforceEmulatorOptions = {}): SalesforceEmulator {
  const seed = options.seed ?? buildDemoSeed();
  const state = createState(seed, options.clock ?? systemClock, options.publicUrl);
  let url: string | undefined;
  const admin = createAdmin(state, () => url);

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // Browsers ask every site they show a page of (the login page, a record's) for its icon: no 404 for it.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.use(adminRoutes(state, admin));
  app.use((_req: Request, _res: Response, next: NextFunction) => {
    void sleep(state.latencyMs).then(() => next());
  });
  app.use(oauthRoutes(state));
  app.use(restRoutes(state));
  app.use(recordPageRoutes(state));
  app.use((_req: Request, res: Response) => {
    sendJson(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  });
  const server = createServer(app);

  return {
    server,
    seed,
    admin,
    get url() {
      return url;
    },
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          url = `http://${host}:${address.port}`;
          resolve(url);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        // Requests held by a `hang` fault are dropped, so closing never waits for them.
        state.faults.releaseHeld(false);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
