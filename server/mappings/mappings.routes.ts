import { Router } from 'express';
import { accountIdParamsSchema } from '../../src/api/accounts';
import {
  lookupQuerySchema,
  mappingIdParamsSchema,
  objectParamsSchema,
  previewRequestSchema,
} from '../../src/api/mappings';
import { mappingSchema } from '../../src/mapping/mapping';
import { agentOf, livechatTokenOf } from '../auth/auth.middleware';
import { parseInput } from '../http/validate';
import type { ChatFieldsService } from '../chatFields/chatFields.service';
import type { SalesforceLookup } from '../salesforce/recordSearch';
import { toSavedMapping } from './mappings.presenter';
import type { MappingsService } from './mappings.service';

/** Objects, fields, lookups, mappings, chat fields and preview (behind requireOwner). */
export function mappingsRoutes(deps: {
  mappings: MappingsService;
  chatFields: ChatFieldsService;
  lookup: SalesforceLookup;
}): Router {
  const { mappings, chatFields } = deps;
  const router = Router();

  router.get('/accounts/:id/objects', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    res.json({ objects: await mappings.objects(agentOf(res), id) });
  });

  router.get('/accounts/:id/objects/:objectName', async (req, res) => {
    const { id, objectName } = parseInput(objectParamsSchema, req.params, 'params');
    res.json({ object: await mappings.describe(agentOf(res), id, objectName) });
  });

  router.get('/accounts/:id/lookup', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const query = parseInput(lookupQuerySchema, req.query, 'query');
    res.json({ records: await deps.lookup.byName(agentOf(res), id, query.object, query.q) });
  });

  router.get('/accounts/:id/mappings', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    res.json({ mappings: (await mappings.list(agentOf(res), id)).map(toSavedMapping) });
  });

  router.post('/accounts/:id/mappings/preview', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const body = parseInput(previewRequestSchema, req.body, 'body');
    res.json(await mappings.preview(agentOf(res), livechatTokenOf(res), id, body.mapping, body.chatId));
  });

  router.post('/accounts/:id/mappings', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const mapping = parseInput(mappingSchema, req.body, 'body');
    res.status(201).json(toSavedMapping(await mappings.create(agentOf(res), id, mapping)));
  });

  router.get('/mappings/:mappingId', async (req, res) => {
    const { mappingId } = parseInput(mappingIdParamsSchema, req.params, 'params');
    res.json(toSavedMapping(await mappings.get(agentOf(res), mappingId)));
  });

  router.put('/mappings/:mappingId', async (req, res) => {
    const { mappingId } = parseInput(mappingIdParamsSchema, req.params, 'params');
    const mapping = parseInput(mappingSchema, req.body, 'body');
    res.json(toSavedMapping(await mappings.update(agentOf(res), mappingId, mapping)));
  });

  router.delete('/mappings/:mappingId', async (req, res) => {
    const { mappingId } = parseInput(mappingIdParamsSchema, req.params, 'params');
    await mappings.remove(agentOf(res), mappingId);
    res.status(204).end();
  });

  router.get('/chat-fields', async (_req, res) => {
    res.json(await chatFields.catalogue(agentOf(res)));
  });

  router.post('/chat-fields/scan', async (_req, res) => {
    res.json(await chatFields.scan(agentOf(res), livechatTokenOf(res)));
  });

  router.get('/chats/recent', async (_req, res) => {
    res.json(await chatFields.recent(agentOf(res), livechatTokenOf(res)));
  });

  return router;
}
