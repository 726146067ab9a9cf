import { Router } from 'express';
import { activityQuerySchema, runIdParamsSchema } from '../../src/api/automation';
import { agentOf } from '../auth/auth.middleware';
import { parseInput } from '../http/validate';
import type { ActivityService } from './activity.service';

/** /api/settings/activity: the automatic runs (behind requireOwner). */
export function activityRoutes(activity: ActivityService): Router {
  const router = Router();
  router.get('/activity', async (req, res) => {
    const query = parseInput(activityQuerySchema, req.query, 'query');
    res.json({ runs: await activity.list(agentOf(res), query) });
  });
  router.post('/activity/:runId/retry', async (req, res) => {
    const { runId } = parseInput(runIdParamsSchema, req.params, 'params');
    res.json({ run: await activity.retry(agentOf(res), runId) });
  });
  return router;
}
