import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { InstallationService } from './installation.service';

/** /api/settings/installation (owners). */
export function installationRoutes(installation: InstallationService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });
  route(endpoints.getInstallation, (_input, res) => installation.get(agentOf(res)));
  route(endpoints.install, ({ body }, res) => installation.install(agentOf(res), body));
  return router;
}
