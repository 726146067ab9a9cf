import { z } from 'zod';

/**
 * LiveChat's accounts service and v3.5 APIs over HTTP, with only the fields we use parsed. Base URLs
 * are configuration, so the same code talks to LiveChat or to the local emulator.
 */

export class LiveChatError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type: string,
  ) {
    super(message);
    this.name = 'LiveChatError';
  }
  get isAuthError(): boolean {
    return this.status === 401 || this.type === 'authentication' || this.type === 'invalid_grant';
  }
}

const tokenInfoSchema = z.object({
  account_id: z.string(),
  organization_id: z.string(),
  client_id: z.string(),
  expires_in: z.number(),
  scope: z.union([z.string(), z.array(z.string())]).optional(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

const tokenResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number(),
  account_id: z.string(),
  organization_id: z.string(),
  scope: z.union([z.string(), z.array(z.string())]).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

const agentSchema = z.object({
  id: z.string(),
  account_id: z.string().optional(),
  name: z.string(),
  role: z.string(),
  groups: z.array(z.object({ id: z.number() })).optional(),
});
export type LiveChatAgent = z.infer<typeof agentSchema>;

const groupSchema = z.object({ id: z.number(), name: z.string() });
export type LiveChatGroup = z.infer<typeof groupSchema>;

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  action: z.string(),
  type: z.string().optional(),
  owner_client_id: z.string().optional(),
});
export type LiveChatWebhook = z.infer<typeof webhookSchema>;

export interface LiveChatClientOptions {
  accountsUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}

export type LiveChatClient = ReturnType<typeof createLiveChatClient>;

/** A personal access token and the account that created it (Authorization › Personal Access Tokens). */
export interface PersonalAccessToken {
  accountId: string;
  token: string;
}

/** A Bearer access token, or a personal access token (sent as Basic). */
type Credential = string | PersonalAccessToken;

/** The region of a LiveChat access token: its prefix before the colon (`fra:…` → `fra`), if any. */
export function regionOf(token: string): string | undefined {
  return /^([a-z]{2,10}):/.exec(token)?.[1];
}

export function createLiveChatClient(options: LiveChatClientOptions) {
  const doFetch = options.fetch ?? fetch;

  async function call<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new LiveChatError(`LiveChat could not be reached (${(error as Error).message})`, 503, 'network');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const err = body as
        { error?: string | { type?: string; message?: string }; error_description?: string } | undefined;
      const type = typeof err?.error === 'string' ? err.error : (err?.error?.type ?? 'unknown');
      const message =
        (typeof err?.error === 'object' ? err.error.message : err?.error_description) ??
        `LiveChat answered ${res.status}`;
      throw new LiveChatError(message, res.status, type);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new LiveChatError(
        `LiveChat answered in an unexpected shape: ${parsed.error.issues[0]?.message}`,
        502,
        'shape',
      );
    }
    return parsed.data;
  }

  /**
   * Web API calls carry the token whole (`Bearer dal:…`) and its region in `X-Region`: the prefix
   * before the colon (`dal`, `fra`). LiveChat's own SDKs do exactly this (lc-sdk-go
   * internal/web_api.go: `req.Header.Set("X-Region", token.Region)`; lc-sdk-js src/internal: the
   * `X-Region` header from `token.region`), and a request in the wrong region is answered with a
   * `misdirected_request` error naming the right one in `error.data.region` (Web API errors). The
   * platform docs dropped their "Data centers" section in 2025; until LiveChat says the header is
   * gone, we follow the SDKs.
   */
  const headersFor = (credential: Credential) => {
    const token = typeof credential === 'string' ? credential : credential.token;
    const authorization =
      typeof credential === 'string'
        ? `Bearer ${credential}`
        : // Authorization › Personal Access Tokens: Basic, with the account id as the user name.
          `Basic ${Buffer.from(`${credential.accountId}:${credential.token}`).toString('base64')}`;
    return {
      authorization,
      'content-type': 'application/json',
      ...(regionOf(token) ? { 'x-region': regionOf(token)! } : {}),
    };
  };
  const action = <S extends z.ZodType>(
    api: 'agent' | 'configuration',
    name: string,
    credential: Credential,
    body: unknown,
    schema: S,
  ) =>
    call(
      `${options.apiUrl}/v3.5/${api}/action/${name}`,
      { method: 'POST', headers: headersFor(credential), body: JSON.stringify(body) },
      schema,
    );

  const tokenRequest = (params: Record<string, string>) =>
    call(
      `${options.accountsUrl}/v2/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          ...params,
        }),
      },
      tokenResponseSchema,
    );

  return {
    /** Validates an agent's access token (any non-200 means invalid). */
    tokenInfo: (token: string) =>
      call(
        `${options.accountsUrl}/v2/info`,
        { headers: { authorization: `Bearer ${token}` } },
        tokenInfoSchema,
      ),

    exchangeCode: (code: string, redirectUri: string, codeVerifier?: string) =>
      tokenRequest({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
      }),

    refreshToken: (refreshToken: string) =>
      tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }),

    listAgents: (token: string) =>
      action('configuration', 'list_agents', token, { fields: ['groups'] }, z.array(agentSchema)),

    listGroups: (token: string) => action('configuration', 'list_groups', token, {}, z.array(groupSchema)),

    /*
     * The app's license webhooks are the app author's to register (Configuration API v3.5 ›
     * Register Webhook: "owner_client_id … must be owned by your organization"; a PAT is the
     * recommended credential), once per client id, for every license that installs the app.
     */
    listWebhooks: (author: PersonalAccessToken) =>
      action(
        'configuration',
        'list_webhooks',
        author,
        { owner_client_id: options.clientId },
        z.array(webhookSchema),
      ),

    registerWebhook: (
      author: PersonalAccessToken,
      webhook: { url: string; action: string; secretKey: string; description: string },
    ) =>
      action(
        'configuration',
        'register_webhook',
        author,
        {
          url: webhook.url,
          action: webhook.action,
          secret_key: webhook.secretKey,
          owner_client_id: options.clientId,
          type: 'license',
          description: webhook.description,
        },
        z.object({ id: z.string() }),
      ),

    unregisterWebhook: (author: PersonalAccessToken, id: string) =>
      action(
        'configuration',
        'unregister_webhook',
        author,
        { id, owner_client_id: options.clientId },
        z.unknown(),
      ),

    /*
     * Per license, with the license's own token (webhooks.state:ro / :rw): whether our webhooks reach
     * it, and switching them back on (Configuration API v3.5 › Get License Webhooks State, Enable
     * License Webhooks). With a Bearer token the token's client is used.
     */
    licenseWebhooksEnabled: async (token: string) =>
      (
        await action(
          'configuration',
          'get_license_webhooks_state',
          token,
          {},
          z.object({ license_webhooks_enabled: z.boolean() }),
        )
      ).license_webhooks_enabled,

    enableLicenseWebhooks: (token: string) =>
      action('configuration', 'enable_license_webhooks', token, {}, z.unknown()),

    /** Raw get_chat JSON; the mapping engine parses the fields it reads. */
    getChat: (token: string, chatId: string, threadId?: string) =>
      action(
        'agent',
        'get_chat',
        token,
        { chat_id: chatId, ...(threadId ? { thread_id: threadId } : {}) },
        z.record(z.string(), z.unknown()),
      ),

    /** Raw list_archives JSON page (one entry per thread); with `page_id`, nothing else is sent. */
    listArchives: (
      token: string,
      body: { limit?: number; sort_order?: 'asc' | 'desc' } | { page_id: string },
    ) =>
      action(
        'agent',
        'list_archives',
        token,
        body,
        z.object({ chats: z.array(z.record(z.string(), z.unknown())), next_page_id: z.string().optional() }),
      ),
  };
}
