/** The emulator's control API: in-process (`emulator.admin`) and over HTTP under `/__admin` for scripts and pages. */
import express, { type Router } from 'express';
import { z } from 'zod';
import { SESSION_COOKIE } from './accounts/sessions';
import type { ChatService, CreateChatInput, EndedChat } from './chats';
import { ChatStateError } from './chats';
import type { EmulatorContext } from './context';
import type { LicenseAgent, OAuthClient, StoredChat } from './model';
import type { WebhookDelivery } from './webhooks';
import type { TokenResponse, WebhookWire } from './wire';

export interface LicenseSummary {
  licenseId: number;
  organizationId: string;
  name: string;
  agents: Array<Pick<LicenseAgent, 'email' | 'name' | 'role' | 'accountId'>>;
}

export interface IssueTokenOptions {
  clientId: string;
  /** Default: all of the client's scopes. */
  scopes?: string[];
  /** Default: the emulator's token lifetime (28800 s). */
  expiresIn?: number;
}

export interface LiveChatAdmin {
  licenses(): LicenseSummary[];
  agents(licenseId: number): LicenseAgent[];
  clients(): OAuthClient[];
  /**
   * Adds a redirect URI (pattern) to a client, as its developer does in the Developer Console when the
   * app moves to another address.
   */
  allowRedirectUri(clientId: string, pattern: string): void;
  /** Stored chats of a license; `active` filters on whether the last thread is ongoing. */
  chats(licenseId: number, opts?: { active?: boolean }): StoredChat[];
  createChat(licenseId: number, input: CreateChatInput): { chatId: string; threadId: string };
  /** Ends an active chat: it moves to Archives and `chat_deactivated` webhooks fire. */
  endChat(licenseId: number, chatId: string, opts?: { userId?: string; visitorLeft?: boolean }): EndedChat;
  /** The visitor's page sets custom variables (session fields) during the chat. */
  updateSessionFields(licenseId: number, chatId: string, fields: Record<string, string>): void;
  /** An access token as if the agent had signed in through accounts-sdk. */
  issueAgentToken(email: string, opts: IssueTokenOptions): string;
  /** Access and refresh token as the code flow's `POST /v2/token` would answer. */
  issueAgentTokens(email: string, opts: IssueTokenOptions): TokenResponse;
  expireToken(token: string): void;
  expireAllTokens(): void;
  revokeToken(token: string): void;
  /** A signed-in accounts session for the agent, as a `Cookie` header value. */
  sessionCookie(email: string): string;
  /**
   * A personal access token of the agent (Developer Console › Settings › Authorization), with the
   * `Basic` credentials LiveChat's docs say to send: `<account_id>:<token>`.
   */
  issuePersonalAccessToken(email: string, scopes: string[]): { accountId: string; token: string };
  /** The license installs or uninstalls a Marketplace app (its webhooks start or stop arriving). */
  installApp(licenseId: number, clientId: string): void;
  uninstallApp(licenseId: number, clientId: string): void;
  webhooks(): WebhookWire[];
  setLicenseWebhooksEnabled(licenseId: number, clientId: string, enabled: boolean): void;
  deliveries(): WebhookDelivery[];
  /** Resolves once every webhook delivery (with its retries) has finished. */
  waitForDeliveries(): Promise<void>;
  /** The next `count` token requests (code exchange or refresh) answer `status` instead. */
  failNextToken(count: number, status: 429 | 500 | 503): void;
  /** Re-seeds the world and forgets tokens, sessions, webhooks and deliveries. */
  reset(): void;
}

export function createAdmin(ctx: EmulatorContext, chats: ChatService): LiveChatAdmin {
  const agentOrThrow = (email: string) => {
    const found = ctx.world.agent(email);
    if (!found) throw new Error(`Unknown agent ${email}`);
    return found;
  };
  const grantFor = (email: string, opts: IssueTokenOptions) => {
    const { agent, license } = agentOrThrow(email);
    const client = ctx.world.client(opts.clientId);
    if (!client) throw new Error(`Unknown client ${opts.clientId}`);
    return {
      clientId: client.clientId,
      accountId: agent.accountId,
      organizationId: license.organizationId,
      scopes: opts.scopes ?? [...client.scopes],
    };
  };
  return {
    licenses: () =>
      ctx.world.licenses.map((l) => ({
        licenseId: l.licenseId,
        organizationId: l.organizationId,
        name: l.name,
        agents: l.agents.map(({ email, name, role, accountId }) => ({ email, name, role, accountId })),
      })),
    agents: (licenseId) => ctx.world.license(licenseId)?.agents ?? [],
    clients: () => ctx.world.clients,
    allowRedirectUri(clientId, pattern) {
      const client = ctx.world.client(clientId);
      if (!client) throw new Error(`Unknown client ${clientId}`);
      if (!client.redirectUris.includes(pattern)) client.redirectUris.push(pattern);
    },
    chats(licenseId, opts = {}) {
      const all = ctx.world.license(licenseId)?.chats ?? [];
      return opts.active === undefined ? all : all.filter((c) => chats.isActive(c) === opts.active);
    },
    createChat(licenseId, input) {
      const chat = chats.create(licenseId, input);
      return { chatId: chat.id, threadId: chat.threads[chat.threads.length - 1]?.id ?? '' };
    },
    endChat: (licenseId, chatId, opts) => chats.end(licenseId, chatId, opts),
    updateSessionFields: (licenseId, chatId, fields) => chats.updateSessionFields(licenseId, chatId, fields),
    issueAgentToken(email, opts) {
      return ctx.tokens.issueAccess(grantFor(email, opts), {
        ttlSeconds: opts.expiresIn ?? ctx.tokens.ttlSeconds,
      }).token;
    },
    issueAgentTokens(email, opts) {
      const grant = grantFor(email, opts);
      const refresh = ctx.tokens.issueRefresh(grant);
      const expiresIn = opts.expiresIn ?? ctx.tokens.ttlSeconds;
      const access = ctx.tokens.issueAccess(grant, { refreshToken: refresh.token, ttlSeconds: expiresIn });
      return {
        access_token: access.token,
        account_id: grant.accountId,
        client_id: grant.clientId,
        expires_in: expiresIn,
        organization_id: grant.organizationId,
        refresh_token: refresh.token,
        scope: grant.scopes.join(','),
        token_type: 'Bearer',
      };
    },
    expireToken: (token) => void ctx.tokens.expire(token),
    expireAllTokens: () => ctx.tokens.expireAll(),
    revokeToken: (token) => void ctx.tokens.revoke(token),
    sessionCookie: (email) => `${SESSION_COOKIE}=${ctx.sessions.create(agentOrThrow(email).agent.accountId)}`,
    issuePersonalAccessToken(email, scopes) {
      const { agent, license } = agentOrThrow(email);
      const record = ctx.tokens.issuePersonal(agent.accountId, license.organizationId, scopes);
      return { accountId: record.accountId, token: record.token };
    },
    installApp(licenseId, clientId) {
      const license = ctx.world.license(licenseId);
      if (!license || !ctx.world.client(clientId)) throw new Error(`Unknown license or client`);
      if (!license.installedApps.includes(clientId)) license.installedApps.push(clientId);
    },
    uninstallApp(licenseId, clientId) {
      const license = ctx.world.license(licenseId);
      if (license) license.installedApps = license.installedApps.filter((id) => id !== clientId);
    },
    webhooks: () => ctx.webhooks.all(),
    setLicenseWebhooksEnabled: (licenseId, clientId, enabled) =>
      ctx.webhooks.setEnabled(licenseId, clientId, enabled),
    deliveries: () => ctx.webhooks.deliveries(),
    waitForDeliveries: () => ctx.webhooks.settled(),
    failNextToken(count, status) {
      for (let i = 0; i < count; i++) ctx.tokenFaults.push(status);
    },
    reset() {
      ctx.tokenFaults.length = 0;
      ctx.world.reset();
      ctx.tokens.clear();
      ctx.sessions.clear();
      ctx.webhooks.clear();
    },
  };
}

const createChatBody = z.object({
  visitor: z.object({ name: z.string().optional(), email: z.string().optional() }),
  agentEmail: z.string().optional(),
  groupId: z.number().int().optional(),
  active: z.boolean().optional(),
  messages: z
    .union([z.number().int().min(0).max(1000), z.array(z.tuple([z.enum(['c', 'a']), z.string()]))])
    .optional(),
  sessionFields: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.string()).optional(),
});
const tokenBody = z.object({
  email: z.string(),
  client_id: z.string(),
  scopes: z.array(z.string()).optional(),
  expires_in: z.number().int().positive().optional(),
});

export function adminRouter(ctx: EmulatorContext, admin: LiveChatAdmin): Router {
  const router = express.Router();
  router.use('/__admin', express.json());
  const fail = (res: express.Response, err: unknown) => {
    const status = err instanceof ChatStateError ? (err.code === 'chat_inactive' ? 409 : 404) : 400;
    res
      .status(status)
      .json({ error: { type: 'admin', message: err instanceof Error ? err.message : String(err) } });
  };

  router.get('/__admin/licenses', (_req, res) => void res.json(admin.licenses()));
  router.get('/__admin/licenses/:id/chats', (req, res) => {
    const active = req.query.active === undefined ? undefined : req.query.active === 'true';
    res.json(admin.chats(Number(req.params.id), active === undefined ? {} : { active }));
  });
  router.post('/__admin/licenses/:id/chats', (req, res) => {
    const body = createChatBody.safeParse(req.body);
    if (!body.success) return fail(res, new Error(body.error.message));
    try {
      res.status(201).json(admin.createChat(Number(req.params.id), body.data as CreateChatInput));
    } catch (err) {
      fail(res, err);
    }
  });
  router.post('/__admin/licenses/:id/chats/:chatId/end', (req, res) => {
    try {
      const userId = typeof req.body?.user_id === 'string' ? req.body.user_id : undefined;
      res.json(admin.endChat(Number(req.params.id), req.params.chatId, userId ? { userId } : {}));
    } catch (err) {
      fail(res, err);
    }
  });
  router.post('/__admin/session', (req, res) => {
    const found = ctx.world.agent(String(req.body?.email ?? ''));
    if (!found) return fail(res, new Error('Unknown agent'));
    ctx.sessions.signIn(res, found.agent.accountId);
    res.json({ email: found.agent.email, license_id: found.license.licenseId });
  });
  router.post('/__admin/tokens', (req, res) => {
    const body = tokenBody.safeParse(req.body);
    if (!body.success) return fail(res, new Error(body.error.message));
    try {
      const { email, client_id, scopes, expires_in } = body.data;
      res.json(
        admin.issueAgentTokens(email, {
          clientId: client_id,
          ...(scopes && { scopes }),
          ...(expires_in && { expiresIn: expires_in }),
        }),
      );
    } catch (err) {
      fail(res, err);
    }
  });
  router.post('/__admin/tokens/expire', (req, res) => {
    if (typeof req.body?.token === 'string') admin.expireToken(req.body.token);
    else admin.expireAllTokens();
    res.json({});
  });
  router.post('/__admin/tokens/revoke', (req, res) => {
    admin.revokeToken(String(req.body?.token ?? ''));
    res.json({});
  });
  router.post('/__admin/personal-access-tokens', (req, res) => {
    try {
      const scopes = z.array(z.string()).parse(req.body?.scopes ?? []);
      res.json(admin.issuePersonalAccessToken(String(req.body?.email ?? ''), scopes));
    } catch (err) {
      fail(res, err);
    }
  });
  router.post('/__admin/licenses/:id/apps', (req, res) => {
    try {
      admin.installApp(Number(req.params.id), String(req.body?.client_id ?? ''));
      res.json({});
    } catch (err) {
      fail(res, err);
    }
  });
  router.delete('/__admin/licenses/:id/apps/:clientId', (req, res) => {
    admin.uninstallApp(Number(req.params.id), req.params.clientId);
    res.json({});
  });
  router.get('/__admin/webhooks', (_req, res) => void res.json(admin.webhooks()));
  router.get('/__admin/deliveries', (_req, res) => void res.json(admin.deliveries()));
  router.post('/__admin/reset', (_req, res) => {
    admin.reset();
    res.json({});
  });
  return router;
}
