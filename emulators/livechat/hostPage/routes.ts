/**
 * The Agent App host page: `GET /agent-app` (+ its script and state), a trimmed LiveChat Agent App that frames the
 * app's `/widget/` (Chat Details) and `/settings/` (Apps) and drives them with the Agent App SDK's Trusted
 * postMessage protocol. Query parameters: `app_url` (overrides the configured app), `plugin_id`, `chat` (chat id to
 * open), `thread` (thread id to open), `view` (`chats` | `archives` | `apps`), `as` (an agent email to sign in as
 * first). `/archives/<thread id>` and `/archives/?query=<chat id>` (LiveChat's archive addresses) lead there.
 */
import { readFileSync } from 'node:fs';
import express, { type Router } from 'express';
import type { LiveChatAdmin } from '../admin';
import { ChatStateError } from '../chats';
import type { EmulatorContext } from '../context';
import { afterSignIn, signinPage } from '../accounts/signin';
import { customerProfileOf, type CustomerProfile } from './customerProfile';
import { hostPageHtml } from './page';
import type { Chat } from '../wire';

const clientScript = readFileSync(new URL('./client.js', import.meta.url), 'utf8');

export interface HostEntry {
  key: string;
  chat: Chat;
  profile: CustomerProfile;
  endedAt?: string;
}

export function hostPageRouter(ctx: EmulatorContext, admin: LiveChatAdmin): Router {
  const router = express.Router();

  const signedIn = (req: express.Request) => {
    const accountId = ctx.sessions.accountOf(req);
    return accountId ? ctx.world.agentByAccountId(accountId) : undefined;
  };

  router.get('/agent-app', (req, res) => {
    if (typeof req.query.as === 'string') {
      const found = ctx.world.agent(req.query.as);
      if (found) {
        ctx.sessions.signIn(res, found.agent.accountId);
        const rest = new URLSearchParams(req.query as Record<string, string>);
        rest.delete('as');
        res.redirect(
          302,
          afterSignIn(ctx, req, found.agent.email, `/agent-app${rest.size ? `?${rest}` : ''}`),
        );
        return;
      }
    }
    if (!signedIn(req)) {
      res.type('html').send(signinPage(ctx, { continueTo: req.originalUrl }));
      return;
    }
    const appUrl = typeof req.query.app_url === 'string' ? req.query.app_url : ctx.agentApp?.appUrl;
    const pluginId =
      typeof req.query.plugin_id === 'string'
        ? req.query.plugin_id
        : (ctx.agentApp?.pluginId ?? 'salesforce-for-livechat');
    res.type('html').send(hostPageHtml({ appUrl: appUrl?.replace(/\/+$/, '') ?? null, pluginId }));
  });

  // The Agent App's archive addresses, as chat links use them (src/chat/fromLiveChat.ts `chatLink`):
  // `/archives/<thread id>` opens that conversation, `/archives/?query=<chat id>` searches for a chat.
  router.get('/archives/:threadId', (req, res) => {
    res.redirect(302, `/agent-app?${new URLSearchParams({ view: 'archives', thread: req.params.threadId })}`);
  });
  router.get('/archives', (req, res) => {
    const query = typeof req.query.query === 'string' ? req.query.query : '';
    res.redirect(
      302,
      `/agent-app?${new URLSearchParams({ view: 'archives', ...(query ? { chat: query } : {}) })}`,
    );
  });

  router.get('/agent-app/client.js', (_req, res) => {
    res.type('text/javascript').send(clientScript);
  });

  router.get('/agent-app/state', (req, res) => {
    const me = signedIn(req);
    if (!me) {
      res.status(401).json({ error: { type: 'authentication', message: 'Not signed in' } });
      return;
    }
    const { license, agent } = me;
    const active: HostEntry[] = [];
    const archived: HostEntry[] = [];
    for (const chat of license.chats) {
      for (const thread of chat.threads) {
        const entry: HostEntry = {
          key: `${chat.id}/${thread.id}`,
          chat: ctx.chats.present(license, chat, thread),
          profile: customerProfileOf(chat, thread),
        };
        if (thread.active) active.push(entry);
        else archived.push(entry);
      }
    }
    const newestFirst = (a: HostEntry, b: HostEntry) =>
      Date.parse(b.chat.thread.created_at) - Date.parse(a.chat.thread.created_at);
    res.json({
      me: { email: agent.email, name: agent.name, role: agent.role },
      license: { licenseId: license.licenseId, name: license.name, organizationId: license.organizationId },
      licenses: admin.licenses(),
      groups: license.groups.map((g) => ({ id: g.id, name: g.name })),
      active: active.sort(newestFirst),
      archived: archived.sort(newestFirst),
    });
  });

  router.post('/agent-app/chats/:chatId/end', (req, res) => {
    const me = signedIn(req);
    if (!me) {
      res.status(401).json({ error: { type: 'authentication', message: 'Not signed in' } });
      return;
    }
    try {
      res.json(ctx.chats.end(me.license.licenseId, req.params.chatId, { userId: me.agent.email }));
    } catch (err) {
      const status = err instanceof ChatStateError && err.code === 'chat_inactive' ? 409 : 404;
      res
        .status(status)
        .json({ error: { type: 'not_found', message: err instanceof Error ? err.message : 'error' } });
    }
  });

  return router;
}
