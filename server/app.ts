import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { Database } from './db/prisma';
import { healthRoutes } from './health/health.routes';
import { errorHandler, unknownRoute } from './http/errorHandler';
import { securityHeaders } from './http/security';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  /** Names of the migrations this build ships, for /readyz. */
  migrationNames: string[];
  /** Serves /widget/ and /settings/: the built files, or Vite's dev middleware. */
  frontends?: RequestHandler;
}

/** Builds the Express app from its dependencies. It never listens: main.ts and tests do. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    securityHeaders({
      frameAncestors: deps.config.frameAncestors,
      livechatAccountsUrl: deps.config.livechat.accountsUrl,
      development: deps.config.env === 'development',
      secure: deps.config.publicUrl.startsWith('https:'),
    }),
  );

  app.use(healthRoutes({ db: deps.db, migrationNames: deps.migrationNames }));

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  app.use('/api', api);

  if (deps.frontends) app.use(deps.frontends);
  app.get('/', (_req, res) => res.redirect('/settings/'));

  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
