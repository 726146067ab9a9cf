import { Router } from 'express';
import { auditQuerySchema } from '../../src/api/audit';
import { agentOf } from '../auth/auth.middleware';
import type { Database } from '../db/prisma';
import { parseInput } from '../http/validate';
import { toAuditEntryDto } from './audit.presenter';
import { listAudit } from './audit.repo';

export function auditRoutes(db: Database): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const query = parseInput(auditQuerySchema, req.query, 'query');
    const rows = await listAudit(db, agentOf(res).licenseId, {
      limit: query.limit,
      ...(query.before ? { before: new Date(query.before) } : {}),
    });
    res.json({ entries: rows.map(toAuditEntryDto) });
  });
  return router;
}
