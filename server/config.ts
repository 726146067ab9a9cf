import { z } from 'zod';

/**
 * The whole configuration, parsed once from the environment. Nothing else reads process.env.
 * With no LiveChat and no Salesforce credentials the app runs in demo mode against local emulators.
 */

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const base64Key = z
  .string()
  .refine(
    (v) => Buffer.from(v, 'base64').length === 32,
    'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: loopback in demo mode (the emulators mint tokens for anyone who asks), every interface otherwise. */
  HOST: optionalText,
  PUBLIC_URL: url.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: readable lines in demo mode and development, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** How long a stop waits for requests and automation runs in flight before releasing them. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(15),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  ENCRYPTION_KEY: base64Key.optional(),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[\w-]{1,32}$/)
    .default('k1'),
  /** Older keys still able to decrypt, "id:base64key,id:base64key". */
  ENCRYPTION_OLD_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys: { id: string; key: string }[] = [];
      for (const pair of (v ?? '').split(',').filter(Boolean)) {
        const [id, key] = pair.split(':');
        if (!id || !key || Buffer.from(key, 'base64').length !== 32) {
          ctx.addIssue({ code: 'custom', message: `"${id ?? pair}" is not "id:32-byte-base64-key"` });
          return z.NEVER;
        }
        keys.push({ id, key });
      }
      return keys;
    }),
  LIVECHAT_CLIENT_ID: optionalText,
  LIVECHAT_CLIENT_SECRET: optionalText,
  /**
   * The app author's personal access token (Developer Console › Settings › Authorization), scope
   * `webhooks.configuration:rw`: "<account_id>:<token>" or its base64 form as the console shows it.
   * It registers the app's license webhook; without it, that is done in the console.
   */
  LIVECHAT_AUTHOR_PAT: optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const plain = v.includes(':') ? v : Buffer.from(v, 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    if (colon < 1 || colon === plain.length - 1) {
      ctx.addIssue({ code: 'custom', message: 'must be "<account_id>:<personal access token>"' });
      return z.NEVER;
    }
    return { accountId: plain.slice(0, colon), token: plain.slice(colon + 1) };
  }),
  LIVECHAT_ACCOUNTS_URL: url.default('https://accounts.livechat.com'),
  LIVECHAT_API_URL: url.default('https://api.livechatinc.com'),
  /** The Agent App, where chat links open (`<url>/archives/<thread id>`). */
  LIVECHAT_AGENT_APP_URL: url.default('https://my.livechatinc.com'),
  SALESFORCE_CLIENT_ID: optionalText,
  SALESFORCE_CLIENT_SECRET: optionalText,
  SALESFORCE_PRODUCTION_LOGIN_URL: url.default('https://login.salesforce.com'),
  SALESFORCE_SANDBOX_LOGIN_URL: url.default('https://test.salesforce.com'),
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d{2}\.0$/, 'must look like 62.0')
    .default('62.0'),
  /** Hosts an owner may pick as a login URL; "*." matches any subdomain. */
  SALESFORCE_ALLOWED_LOGIN_HOSTS: z
    .string()
    .default('login.salesforce.com,test.salesforce.com,*.my.salesforce.com')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** A job whose worker died is given to another worker after this long. */
  AUTOMATION_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(2).max(3600).default(300),
  /** First retry delay of a temporary failure; it doubles (with jitter) up to 15 minutes. */
  AUTOMATION_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  AUTOMATION_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(12),
  /** The longest wait between two retries. */
  AUTOMATION_RETRY_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** How often an idle worker looks for jobs that became due (new jobs wake it at once). */
  AUTOMATION_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /**
   * Ended chats one worker process handles at once. The work waits on Salesforce and LiveChat, not on
   * the CPU (about 12 ms of it per chat): at a real org's ~150 ms per call a chat takes 250-400 ms
   * end to end, so 32 keeps 50+ chats a second going. Salesforce limits only calls that run longer
   * than 20 s (25 at once per org); when it is that slow, the refused calls are retried with backoff.
   */
  AUTOMATION_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(32),
  /** Extra origins allowed to frame the frontends (LiveChat's own are always allowed). */
  FRAME_ANCESTORS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /**
   * Where the app runs the automation worker: `process`, a process of its own started and stopped
   * with the app; `none`, not at all (a web-only process: `npm run worker` runs elsewhere on the same
   * DATABASE_URL).
   */
  AUTOMATION_WORKER: z.enum(['process', 'none']).default('process'),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  mode: 'demo' | 'live';
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Where browsers and LiveChat reach this app; OAuth redirects and webhooks are built from it. */
  publicUrl: string;
  logLevel: string;
  logFormat: 'pretty' | 'json';
  /** A stop waits this long for requests and runs in flight, then releases what is left. */
  shutdownGraceMs: number;
  /** Unset: an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  encryption: { keyId: string; key: string | undefined; oldKeys: { id: string; key: string }[] };
  livechat: {
    clientId: string;
    clientSecret: string;
    accountsUrl: string;
    apiUrl: string;
    /** The Agent App's origin: chat links point into its archives. */
    agentAppUrl: string;
    /** The app author's personal access token: registers the app's license webhook. */
    authorToken: { accountId: string; token: string } | undefined;
  };
  salesforce: {
    clientId: string;
    clientSecret: string;
    apiVersion: string;
    productionLoginUrl: string;
    sandboxLoginUrl: string;
    allowedLoginHosts: string[];
  };
  frameAncestors: string[];
  /** Where the app runs the automation worker: its own process, or none (web only). */
  worker: 'process' | 'none';
  automation: {
    jobTimeoutSeconds: number;
    retryDelaySeconds: number;
    retryDelayMaxSeconds: number;
    retryLimit: number;
    pollIntervalSeconds: number;
    /** Chats one worker process handles at once. */
    concurrency: number;
  };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment, listing every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    };
  }
  const e = parsed.data;
  const credentials = {
    LIVECHAT_CLIENT_ID: e.LIVECHAT_CLIENT_ID,
    LIVECHAT_CLIENT_SECRET: e.LIVECHAT_CLIENT_SECRET,
    SALESFORCE_CLIENT_ID: e.SALESFORCE_CLIENT_ID,
    SALESFORCE_CLIENT_SECRET: e.SALESFORCE_CLIENT_SECRET,
  };
  const given = Object.entries(credentials).filter(([, v]) => v !== undefined);
  const mode = given.length === 0 ? 'demo' : 'live';
  const problems: string[] = [];
  if (mode === 'live') {
    for (const [name, value] of Object.entries(credentials)) {
      if (value === undefined)
        problems.push(`${name}: required once any LiveChat or Salesforce credential is set`);
    }
    if (!e.ENCRYPTION_KEY)
      problems.push('ENCRYPTION_KEY: required outside demo mode (openssl rand -base64 32)');
    if (!e.PUBLIC_URL)
      problems.push('PUBLIC_URL: required outside demo mode (the https address LiveChat reaches)');
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      mode,
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST ?? (mode === 'demo' ? '127.0.0.1' : '0.0.0.0'),
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      logLevel: e.LOG_LEVEL,
      logFormat: e.LOG_FORMAT ?? (mode === 'demo' || e.NODE_ENV === 'development' ? 'pretty' : 'json'),
      shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      encryption: { keyId: e.ENCRYPTION_KEY_ID, key: e.ENCRYPTION_KEY, oldKeys: e.ENCRYPTION_OLD_KEYS },
      livechat: {
        clientId: e.LIVECHAT_CLIENT_ID ?? '',
        clientSecret: e.LIVECHAT_CLIENT_SECRET ?? '',
        accountsUrl: e.LIVECHAT_ACCOUNTS_URL,
        apiUrl: e.LIVECHAT_API_URL,
        agentAppUrl: e.LIVECHAT_AGENT_APP_URL.replace(/\/+$/, ''),
        authorToken: e.LIVECHAT_AUTHOR_PAT,
      },
      salesforce: {
        clientId: e.SALESFORCE_CLIENT_ID ?? '',
        clientSecret: e.SALESFORCE_CLIENT_SECRET ?? '',
        apiVersion: e.SALESFORCE_API_VERSION,
        productionLoginUrl: e.SALESFORCE_PRODUCTION_LOGIN_URL,
        sandboxLoginUrl: e.SALESFORCE_SANDBOX_LOGIN_URL,
        allowedLoginHosts: e.SALESFORCE_ALLOWED_LOGIN_HOSTS,
      },
      frameAncestors: e.FRAME_ANCESTORS,
      worker: e.AUTOMATION_WORKER,
      automation: {
        jobTimeoutSeconds: e.AUTOMATION_JOB_TIMEOUT_SECONDS,
        retryDelaySeconds: e.AUTOMATION_RETRY_DELAY_SECONDS,
        retryDelayMaxSeconds: e.AUTOMATION_RETRY_DELAY_MAX_SECONDS,
        retryLimit: e.AUTOMATION_RETRY_LIMIT,
        pollIntervalSeconds: e.AUTOMATION_POLL_INTERVAL_SECONDS,
        concurrency: e.AUTOMATION_CONCURRENCY,
      },
    },
  };
}
