import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { accountsSettingsRoutes, accountsWidgetRoutes } from './accounts/accounts.routes';
import { createAccountsService } from './accounts/accounts.service';
import { auditRoutes } from './audit/audit.routes';
import { createAgentAuth } from './auth/agentAuth.service';
import { requireAgent, requireOwner } from './auth/auth.middleware';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { createSecretBox } from './crypto/secretBox';
import type { Database } from './db/prisma';
import { directoryRoutes } from './directory/directory.routes';
import { healthRoutes } from './health/health.routes';
import { errorHandler, unknownRoute } from './http/errorHandler';
import { securityHeaders } from './http/security';
import { installationRoutes } from './installation/installation.routes';
import { createInstallationService } from './installation/installation.service';
import { createLicenseTokens } from './livechat/licenseToken';
import { createLiveChatClient } from './livechat/livechat.client';
import { activityRoutes } from './automation/activity.routes';
import { createChatProcessor } from './automation/chatProcessor';
import { createActivityService } from './automation/activity.service';
import type { JobQueue } from './automation/queue';
import { webhookRoutes } from './automation/webhook.routes';
import { createWebhookService } from './automation/webhook.service';
import { createWebhookSecrets } from './automation/webhookSecrets';
import type { ChatEndedIntake } from './automation/webhookEvents.repo';
import { createWebhookRegistration } from './livechat/webhookRegistration.service';
import { createChatFieldsService } from './chatFields/chatFields.service';
import { createMappingsService } from './mappings/mappings.service';
import { mappingsRoutes } from './mappings/mappings.routes';
import { createApiUsageService } from './salesforce/apiUsage.service';
import { createSalesforceConnections } from './salesforce/connections';
import { createSalesforceMetadata } from './salesforce/metadata.service';
import { createSalesforceLookup } from './salesforce/recordSearch';
import { createSalesforceOAuth } from './salesforce/oauth.service';
import { oauthCallbackRoutes, oauthCompletionRoutes } from './salesforce/oauthCallback.routes';
import { objectsRoutes } from './accounts/objects.routes';
import { chatFieldsRoutes } from './chatFields/chatFields.routes';
import { meRoute, publicConfigOf, publicConfigRoute } from './session/session.routes';
import { createWidgetServices } from './widget/widget.service';
import { widgetRoutes } from './widget/widget.routes';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  /** Names of the migrations this build ships, for /readyz. */
  migrationNames: string[];
  /** Serves /widget/ and /settings/: the built files, or Vite's dev middleware. */
  frontends?: RequestHandler;
  clock?: Clock;
  /** Built from the other dependencies when not given. */
  services?: Services;
  /** The automation queue; without it webhooks are stored and queued by the next worker to start. */
  queue?: JobQueue;
  /** The ended-chat webhook's one-transaction write (with `queue`). */
  intake?: ChatEndedIntake;
}

export type Services = ReturnType<typeof createServices>;

/** What the services are built from (the app's dependencies less those only the HTTP side uses). */
export type ServiceDeps = Pick<AppDeps, 'config' | 'logger' | 'db' | 'clock' | 'queue' | 'intake'>;

/**
 * Everything the routes and the automation worker use, built from configuration: the one place real
 * implementations are picked.
 */
export function createServices(deps: ServiceDeps) {
  const { config, db, logger } = deps;
  const clock = deps.clock ?? systemClock;
  if (!config.encryption.key) throw new Error('ENCRYPTION_KEY is missing');
  const secretBox = createSecretBox({
    keyId: config.encryption.keyId,
    key: config.encryption.key,
    oldKeys: config.encryption.oldKeys,
  });
  const livechat = createLiveChatClient({
    accountsUrl: config.livechat.accountsUrl,
    apiUrl: config.livechat.apiUrl,
    clientId: config.livechat.clientId,
    clientSecret: config.livechat.clientSecret,
  });
  const redirectUri = `${config.publicUrl}/oauth/salesforce/callback`;
  const apiUsage = createApiUsageService({ db, clock, logger });
  const connections = createSalesforceConnections({
    db,
    secretBox,
    logger,
    apiUsage,
    app: {
      clientId: config.salesforce.clientId,
      clientSecret: config.salesforce.clientSecret,
      apiVersion: config.salesforce.apiVersion,
      redirectUri,
      allowedLoginHosts: config.salesforce.allowedLoginHosts,
    },
  });
  const metadata = createSalesforceMetadata({ db, clock, logger });
  const oauth = createSalesforceOAuth({
    db,
    secretBox,
    connections,
    clientId: config.salesforce.clientId,
    redirectUri,
    clock,
    logger,
  });
  const activity = createActivityService({
    db,
    queue: deps.queue,
    logger,
    agentAppUrl: config.livechat.agentAppUrl,
  });
  const accounts = createAccountsService({
    db,
    secretBox,
    connections,
    apiUsage,
    oauth,
    salesforce: config.salesforce,
    clock,
    logger,
    onConnected: (accountId) => activity.resumeAccount(accountId).then(() => undefined),
  });
  const chatFields = createChatFieldsService({
    db,
    livechat,
    clock,
    logger,
    agentAppUrl: config.livechat.agentAppUrl,
  });
  const licenseTokens = createLicenseTokens({ db, livechat, secretBox, clock, logger });
  const webhookSecrets = createWebhookSecrets({ db, secretBox, clock });
  return {
    clock,
    secretBox,
    livechat,
    connections,
    metadata,
    apiUsage,
    auth: createAgentAuth({ db, livechat, clientId: config.livechat.clientId, clock, logger }),
    accounts,
    chatFields,
    activity,
    webhooks: createWebhookService({
      db,
      secrets: webhookSecrets,
      queue: deps.queue,
      intake: deps.intake,
      clock,
      logger,
    }),
    webhookSecrets,
    webhookRegistration: createWebhookRegistration({
      db,
      livechat,
      secretBox,
      url: `${config.publicUrl}/webhooks/livechat`,
      author: config.livechat.authorToken,
      clock,
      logger,
      onChange: webhookSecrets.invalidate,
    }),
    lookup: createSalesforceLookup({ accounts, connections, metadata }),
    mappings: createMappingsService({
      db,
      accounts,
      connections,
      metadata,
      chatFields,
      logger,
    }),
    widget: createWidgetServices({
      db,
      accounts,
      connections,
      metadata,
      chatFields,
      logger,
      clock,
    }),
    installation: createInstallationService({
      db,
      livechat,
      secretBox,
      licenseTokens,
      clock,
      logger,
    }),
    chatProcessor: createChatProcessor({
      db,
      livechat,
      licenseTokens,
      connections,
      metadata,
      apiUsage,
      clock,
      logger,
      leaseMs: config.automation.jobTimeoutSeconds * 1000,
      agentAppUrl: config.livechat.agentAppUrl,
    }),
  };
}

/**
 * Health probes, the frontends' static files and acknowledged webhooks (many a second on a busy
 * license; each chat's outcome has its own line), logged at debug level when they succeed.
 */
const QUIET_PATHS = /^\/(healthz|readyz|favicon\.ico|assets\/|widget\/|settings\/|webhooks\/)/;

/** Builds the Express app from its dependencies. It never listens: main.ts and tests do. */
export function createApp(deps: AppDeps): Express {
  const services = deps.services ?? createServices(deps);
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
      customSuccessMessage: (req, res, responseTime) =>
        `${req.method} ${((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0]} ${res.statusCode} ${Math.round(responseTime)} ms`,
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        // Probes, static files and webhooks would bury the lines a person reads (the demo's banner among them).
        const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
        return res.statusCode < 400 && QUIET_PATHS.test(url) ? 'debug' : 'info';
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
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
  app.use(oauthCallbackRoutes());
  app.use(webhookRoutes(services.webhooks));

  const api = express.Router();
  // API answers are for the signed-in agent who asked: never kept by a browser or a proxy.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(express.json({ limit: '1mb' }));
  api.use(publicConfigRoute(publicConfigOf(deps.config)));

  const signedIn = requireAgent(services.auth);
  api.use('/me', signedIn);
  api.use(meRoute());

  const settings = express.Router();
  settings.use(signedIn, requireOwner(services.auth));
  settings.use(installationRoutes(services.installation));
  settings.use(accountsSettingsRoutes(services.accounts));
  settings.use(directoryRoutes(services.livechat));
  settings.use(oauthCompletionRoutes(services.accounts));
  settings.use(objectsRoutes(services));
  settings.use(mappingsRoutes(services.mappings));
  settings.use(chatFieldsRoutes(services.chatFields));
  settings.use(activityRoutes(services.activity));
  settings.use(auditRoutes(deps.db));
  api.use('/settings', settings);

  const widget = express.Router();
  widget.use(signedIn);
  widget.use(accountsWidgetRoutes(services.accounts));
  widget.use(widgetRoutes(services.widget));
  api.use('/widget', widget);
  app.use('/api', api);

  if (deps.frontends) app.use(deps.frontends);
  app.get('/', (_req, res) => res.redirect('/settings/'));

  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
