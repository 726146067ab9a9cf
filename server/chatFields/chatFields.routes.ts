import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf, livechatTokenOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { ChatFieldsService } from './chatFields.service';

/** /api/settings/chat-fields… and /api/settings/chats/recent: what chats carry (owners). */
export function chatFieldsRoutes(chatFields: ChatFieldsService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });
  route(endpoints.getChatFields, (_input, res) => chatFields.catalogue(agentOf(res), livechatTokenOf(res)));
  route(endpoints.scanChatFields, (_input, res) => chatFields.scan(agentOf(res), livechatTokenOf(res)));
  route(endpoints.declareChatField, ({ body }, res) => chatFields.declare(agentOf(res), body));
  route(endpoints.removeDeclaredChatField, ({ params }, res) =>
    chatFields.removeDeclared(agentOf(res), params.id),
  );
  route(endpoints.listRecentChats, (_input, res) => chatFields.recent(agentOf(res), livechatTokenOf(res)));
  return router;
}
