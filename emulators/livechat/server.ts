/** `createLiveChatEmulator`: accounts service, Agent Chat and Configuration APIs, admin and the Agent App host page on one origin. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { authorizeRouter } from './accounts/authorize';
import { infoRouter } from './accounts/info';
import { createSessionStore } from './accounts/sessions';
import { signinRouter } from './accounts/signin';
import { createTokenStore } from './accounts/tokenStore';
import { tokenRouter } from './accounts/token';
import { adminRouter, createAdmin, type LiveChatAdmin } from './admin';
import { apiRouter } from './api/actions';
import { createChatService } from './chats';
import type { AgentAppOptions, EmulatorContext } from './context';
import { hostPageRouter } from './hostPage/routes';
import type { Clock, SeedData } from './model';
import { buildDefaultSeed } from './seed';
import { createWebhookService, type WebhookOptions } from './webhooks';
import { createWorld, type SeedFactory } from './world';

export interface LiveChatEmulatorOptions {
  /** The world to serve: data or a function of "now". Default: the demo and other licenses (`buildDefaultSeed`). */
  seed?: SeedData | SeedFactory;
  clock?: Clock;
  /** Enables the Agent App host page at `/agent-app` around this app. */
  agentApp?: AgentAppOptions;
  webhooks?: WebhookOptions;
  /** Access token lifetime in seconds (default 28800). */
  tokenTtlSeconds?: number;
}

export interface LiveChatEmulator {
  server: http.Server;
  app: express.Express;
  /** Starts listening (port 0 = a free port) and resolves with the base URL, e.g. `http://localhost:4100`. */
  /** Listens on loopback unless told otherwise: the admin endpoints mint tokens for anyone. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The base URL once listening: the Agent App page and the Web API (`http://localhost:<port>`). */
  readonly url: string;
  /**
   * The accounts service's URL once listening: the same server under another site
   * (`http://127.0.0.1:<port>`), as accounts.livechat.com is not the Agent App's my.livechatinc.com,
   * so its sign-in cookie is a third-party cookie in the app's iframes, as it is on the real service.
   */
  readonly accountsUrl: string;
  admin: LiveChatAdmin;
}

export function createLiveChatEmulator(options: LiveChatEmulatorOptions = {}): LiveChatEmulator {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const seed = options.seed ?? ((now: Date) => buildDefaultSeed(now));
  const world = createWorld(typeof seed === 'function' ? seed : () => structuredClone(seed), clock);
  const webhooks = createWebhookService(
    () => world.ids,
    () => clock.now(),
    options.webhooks,
  );
  const chats = createChatService({
    world,
    clock,
    onDeactivated: (license, chat, ended) => {
      webhooks.dispatch(
        license,
        'chat_deactivated',
        { chat_id: ended.chatId, thread_id: ended.threadId, ...(ended.userId && { user_id: ended.userId }) },
        chat,
      );
    },
    // Webhooks v3.5 › incoming_chat: `payload.chat`, the chat with its users, properties and thread.
    onIncoming: (license, chat) => {
      const thread = chat.threads.at(-1);
      if (thread)
        webhooks.dispatch(license, 'incoming_chat', { chat: chats.present(license, chat, thread) }, chat);
    },
    // Webhooks v3.5 › customer_session_fields_updated: the customer, its active chat and the fields.
    onSessionFieldsUpdated: (license, chat) => {
      const thread = chat.threads.at(-1);
      webhooks.dispatch(
        license,
        'customer_session_fields_updated',
        {
          id: chat.customer.id,
          active_chat: { chat_id: chat.id, thread_id: thread?.id ?? '' },
          session_fields: chat.customer.session_fields ?? [],
        },
        chat,
      );
    },
  });
  const ctx: EmulatorContext = {
    clock,
    world,
    tokens: createTokenStore(
      clock,
      options.tokenTtlSeconds,
      (organizationId) => world.licenseByOrganization(organizationId)?.region ?? 'dal',
    ),
    sessions: createSessionStore(),
    origins: { agentApp: '', accounts: '' },
    tokenFaults: [],
    chats,
    webhooks,
    ...(options.agentApp && { agentApp: options.agentApp }),
  };
  const admin = createAdmin(ctx, chats);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Browsers ask every site they show a page of for its icon. LiveChat has one; without an answer the
  // Agent App page logged a 404 in the console on every open (and in every failed test's output).
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.use(authorizeRouter(ctx));
  app.use(signinRouter(ctx));
  app.use(tokenRouter(ctx));
  app.use(infoRouter(ctx));
  app.use(apiRouter(ctx));
  app.use(adminRouter(ctx, admin));
  app.use(hostPageRouter(ctx, admin));

  const server = http.createServer(app);
  let url = '';
  return {
    server,
    app,
    admin,
    get url() {
      return url;
    },
    get accountsUrl() {
      return ctx.origins.accounts;
    },
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        // Browsers and Node's fetch try every address of `localhost`, 127.0.0.1 among them.
        server.listen(port, host, () => {
          server.off('error', reject);
          const port = (server.address() as AddressInfo).port;
          url = `http://localhost:${port}`;
          ctx.origins.agentApp = url;
          ctx.origins.accounts = `http://127.0.0.1:${port}`;
          resolve(url);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
