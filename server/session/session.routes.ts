import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import type { PublicConfig } from '../../src/api/session';
import type { Config } from '../config';
import { canConfigure } from '../auth/agent';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';

/** What the frontends need before sign-in (also written into their pages: http/pagesWithConfig.ts). */
export const publicConfigOf = (config: Config): PublicConfig => ({
  livechat: { clientId: config.livechat.clientId, accountsUrl: config.livechat.accountsUrl },
  demo: config.mode === 'demo',
});

/** GET /api/public-config: what the frontends need before sign-in. */
export function publicConfigRoute(config: PublicConfig): Router {
  const router = Router();
  routesOn(router, { prefix: '/api', access: 'public' })(endpoints.getPublicConfig, () => config);
  return router;
}

/** GET /api/me (behind requireAgent). */
export function meRoute(): Router {
  const router = Router();
  routesOn(router, { prefix: '/api', access: 'agent' })(endpoints.getMe, (_input, res) => {
    const agent = agentOf(res);
    return {
      agent: {
        accountId: agent.accountId,
        email: agent.email,
        name: agent.name,
        role: agent.role,
        licenseId: agent.licenseId,
      },
      canConfigure: canConfigure(agent),
    };
  });
  return router;
}
