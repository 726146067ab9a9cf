import { Router } from 'express';
import { installRequestSchema } from '../../src/api/installation';
import { agentOf } from '../auth/auth.middleware';
import { parseInput } from '../http/validate';
import type { InstallationService } from './installation.service';

export function installationRoutes(installation: InstallationService): Router {
  const router = Router();
  router.get('/installation', async (_req, res) => {
    res.json(await installation.get(agentOf(res)));
  });
  router.post('/installation', async (req, res) => {
    const body = parseInput(installRequestSchema, req.body, 'body');
    res.json(await installation.install(agentOf(res), body));
  });
  return router;
}
