import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { ActivityService } from './activity.service';

/** /api/settings/activity: the automatic runs (owners). */
export function activityRoutes(activity: ActivityService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });
  route(endpoints.listActivity, async ({ query }, res) => ({
    runs: await activity.list(agentOf(res), query),
  }));
  route(endpoints.retryRun, async ({ params }, res) => ({
    run: await activity.retry(agentOf(res), params.runId),
  }));
  return router;
}
