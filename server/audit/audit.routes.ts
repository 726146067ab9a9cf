import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf } from '../auth/auth.middleware';
import type { Database } from '../db/prisma';
import { routesOn } from '../http/route';
import { toAuditEntryDto } from './audit.presenter';
import { listAudit } from './audit.repo';

/** /api/settings/audit: the license's audit log (owners). */
export function auditRoutes(db: Database): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });
  route(endpoints.listAudit, async ({ query }, res) => {
    const rows = await listAudit(db, agentOf(res).licenseId, {
      limit: query.limit,
      ...(query.before ? { before: new Date(query.before) } : {}),
    });
    return { entries: rows.map(toAuditEntryDto) };
  });
  return router;
}
