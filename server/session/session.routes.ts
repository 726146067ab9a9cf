import { Router } from 'express';
import type { MeResponse, PublicConfig } from '../../src/api/session';
import { canConfigure } from '../auth/agent';
import { agentOf } from '../auth/auth.middleware';

export function publicConfigRoute(config: PublicConfig): Router {
  const router = Router();
  router.get('/public-config', (_req, res) => {
    res.json(config);
  });
  return router;
}

/** GET /api/me (behind requireAgent). */
export function meRoute(): Router {
  const router = Router();
  router.get('/me', (_req, res) => {
    const agent = agentOf(res);
    const body: MeResponse = {
      agent: {
        accountId: agent.accountId,
        email: agent.email,
        name: agent.name,
        role: agent.role,
        licenseId: agent.licenseId,
      },
      canConfigure: canConfigure(agent),
    };
    res.json(body);
  });
  return router;
}
