import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf, livechatTokenOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import { toSavedMapping } from './mappings.presenter';
import type { MappingsService } from './mappings.service';

/** /api/settings/accounts/:id/mappings… and /api/settings/mappings/:mappingId (owners). */
export function mappingsRoutes(mappings: MappingsService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });

  route(endpoints.listMappings, async ({ params }, res) => ({
    mappings: (await mappings.list(agentOf(res), params.id)).map(toSavedMapping),
  }));

  route(endpoints.previewMapping, async ({ params, body }, res) =>
    mappings.preview(agentOf(res), livechatTokenOf(res), params.id, body.mapping, body.chatId),
  );

  route(endpoints.createMapping, async ({ params, body }, res) =>
    toSavedMapping(await mappings.create(agentOf(res), params.id, body)),
  );

  route(endpoints.getMapping, async ({ params }, res) =>
    toSavedMapping(await mappings.get(agentOf(res), params.mappingId)),
  );

  route(endpoints.updateMapping, async ({ params, body }, res) =>
    toSavedMapping(await mappings.update(agentOf(res), params.mappingId, body)),
  );

  route(endpoints.deleteMapping, async ({ params }, res) => {
    await mappings.remove(agentOf(res), params.mappingId);
  });

  return router;
}
