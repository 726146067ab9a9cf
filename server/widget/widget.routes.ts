import { Router } from 'express';
import { createRecordRequestSchema, formsQuerySchema, relatedQuerySchema } from '../../src/api/widget';
import { agentOf, livechatTokenOf } from '../auth/auth.middleware';
import { parseInput } from '../http/validate';
import type { CreateRecordService } from './createRecord.service';
import type { FormsService } from './forms.service';
import type { RelatedService } from './related.service';

/** /api/widget/related, /forms and /records: any agent (mounted behind requireAgent). */
export function widgetRoutes(services: {
  related: RelatedService;
  forms: FormsService;
  createRecord: CreateRecordService;
}): Router {
  const router = Router();

  router.get('/related', async (req, res) => {
    const query = parseInput(relatedQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store');
    res.json(
      await services.related.related(
        agentOf(res),
        livechatTokenOf(res),
        { chatId: query.chatId, threadId: query.threadId },
        query.refresh,
      ),
    );
  });

  router.get('/forms', async (req, res) => {
    const query = parseInput(formsQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store');
    res.json(
      await services.forms.forms(
        agentOf(res),
        livechatTokenOf(res),
        { chatId: query.chatId, threadId: query.threadId },
        query.mappingId,
      ),
    );
  });

  router.post('/records', async (req, res) => {
    const body = parseInput(createRecordRequestSchema, req.body, 'body');
    res.status(201).json(await services.createRecord.create(agentOf(res), livechatTokenOf(res), body));
  });

  return router;
}
