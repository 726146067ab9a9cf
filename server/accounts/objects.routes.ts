import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { MappingsService } from '../mappings/mappings.service';
import type { SalesforceLookup } from '../salesforce/recordSearch';

/** /api/settings/accounts/:id/objects… and /lookup: an account's Salesforce objects and records (owners). */
export function objectsRoutes(deps: { mappings: MappingsService; lookup: SalesforceLookup }): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });

  route(endpoints.listObjects, async ({ params }, res) => ({
    objects: await deps.mappings.objects(agentOf(res), params.id),
  }));

  route(endpoints.describeObject, async ({ params }, res) => ({
    object: await deps.mappings.describe(agentOf(res), params.id, params.objectName),
  }));

  route(endpoints.recordTypePicklists, async ({ params }, res) =>
    deps.mappings.recordTypePicklists(agentOf(res), params.id, params.objectName, params.recordTypeId),
  );

  route(endpoints.lookupRecords, async ({ params, query }, res) => ({
    records: await deps.lookup.byName(agentOf(res), params.id, query.object, query.q),
  }));

  return router;
}
