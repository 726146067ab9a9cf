import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { livechatTokenOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import type { LiveChatClient } from '../livechat/livechat.client';

/** GET /api/settings/directory: the license's agents and groups, read with the owner's own token. */
export function directoryRoutes(livechat: LiveChatClient): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });
  route(endpoints.getDirectory, async (_input, res) => {
    const token = livechatTokenOf(res);
    const [agents, groups] = await Promise.all([livechat.listAgents(token), livechat.listGroups(token)]);
    return {
      agents: agents
        .map((a) => ({
          email: a.id,
          name: a.name,
          role: a.role,
          groupIds: (a.groups ?? []).map((g) => g.id),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      groups: groups.map((g) => ({ id: g.id, name: g.name })).sort((a, b) => a.id - b.id),
    };
  });
  return router;
}
