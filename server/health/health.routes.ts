import { Router } from 'express';
import type { ReadinessResponse } from '../../src/api/health';
import type { Database } from '../db/prisma';
import { appliedMigrationNames, databaseReachable } from './health.repo';

export function healthRoutes(deps: { db: Database; migrationNames: string[] }): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const reachable = await databaseReachable(deps.db);
    const applied = reachable
      ? await appliedMigrationNames(deps.db).catch(() => new Set<string>())
      : new Set();
    const pending = deps.migrationNames.filter((name) => !applied.has(name));
    const body: ReadinessResponse = {
      status: reachable && pending.length === 0 ? 'ready' : 'not_ready',
      database: reachable ? 'ok' : 'unreachable',
      migrations: { pending },
    };
    res.status(body.status === 'ready' ? 200 : 503).json(body);
  });

  return router;
}
