import { Router } from 'express';
import type { Directory } from '../../src/api/accounts';
import { livechatTokenOf } from '../auth/auth.middleware';
import type { LiveChatClient } from '../livechat/livechat.client';

/** GET /api/settings/directory: the license's agents and groups, read with the owner's own token. */
export function directoryRoutes(livechat: LiveChatClient): Router {
  const router = Router();
  router.get('/directory', async (_req, res) => {
    const token = livechatTokenOf(res);
    const [agents, groups] = await Promise.all([livechat.listAgents(token), livechat.listGroups(token)]);
    const body: Directory = {
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
    res.json(body);
  });
  return router;
}
