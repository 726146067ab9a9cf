import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf, livechatTokenOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { ChatSetService } from './chatSet.service';
import type { CreateRecordService } from './createRecord.service';
import type { FormsService } from './forms.service';
import type { LookupService } from './lookup.service';
import type { RelatedService } from './related.service';

/** /api/widget/related, /forms, /lookup, /records, /set and /transcript: any agent (mounted behind requireAgent). */
export function widgetRoutes(services: {
  related: RelatedService;
  forms: FormsService;
  lookup: LookupService;
  createRecord: CreateRecordService;
  chatSet: ChatSetService;
}): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/widget', access: 'agent' });

  route(endpoints.related, async ({ query }, res) => {
    res.set('Cache-Control', 'no-store');
    return services.related.related(
      agentOf(res),
      livechatTokenOf(res),
      { chatId: query.chatId, threadId: query.threadId },
      query.refresh,
    );
  });

  route(endpoints.forms, async ({ query }, res) => {
    res.set('Cache-Control', 'no-store');
    return services.forms.forms(
      agentOf(res),
      livechatTokenOf(res),
      { chatId: query.chatId, threadId: query.threadId },
      query.mappingId,
    );
  });

  route(endpoints.widgetLookup, ({ query }, res) => services.lookup.lookup(agentOf(res), query));

  route(endpoints.createRecord, ({ body }, res) =>
    services.createRecord.create(agentOf(res), livechatTokenOf(res), body),
  );

  route(endpoints.chatSet, async ({ query }, res) => {
    res.set('Cache-Control', 'no-store');
    return services.chatSet.view(agentOf(res), livechatTokenOf(res), {
      chatId: query.chatId,
      threadId: query.threadId,
    });
  });

  route(endpoints.createSet, ({ body }, res) =>
    services.chatSet.createSet(agentOf(res), livechatTokenOf(res), body),
  );

  route(endpoints.attachTranscript, ({ body }, res) =>
    services.chatSet.attachTranscript(agentOf(res), livechatTokenOf(res), body),
  );

  return router;
}
