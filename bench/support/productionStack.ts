/**
 * The app as a deployment runs it, for benchmarks that must not share a process with what they
 * measure: `server/main.ts` (what `npm start` serves once the frontends are built: the web process,
 * and the automation worker in a process of its own), on an embedded PostgreSQL in a throwaway
 * DATA_DIR, configured as production is (credentials, PUBLIC_URL, an encryption key, JSON logs),
 * against the LiveChat and Salesforce emulators, each in a process of its own
 * (`npm run emulator:livechat`, `npm run emulator:salesforce`). Each also runs in a session of its
 * own, apart from the load generator's, as separate services do (see `startProcess`'s `ownSession`:
 * with Linux's autogroup the CPU is shared between sessions first). It is set up over HTTP as an owner
 * would: the app installed for the demo license, the demo org connected, the demo's Lead mapped.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoMappings } from '../../emulators/demo/demo';
import { demoAgents, demoLicense } from '../../emulators/demo/people';
import { demoClient } from '../../emulators/livechat';
import { demoConnectedApp } from '../../emulators/salesforce';
import { findFreePort } from '../../server/db/embeddedPostgres';
import { endpoints, type CallArgs, type Endpoint, type SuccessOf } from '../../src/api/endpoints';
import { approveSalesforce, livechatCode, relayedCallback } from '../../tests/support/oauth';
import { createCall, createHttp } from '../../ui/api/http';
import { startProcess, type BenchProcess } from './processes';

export const owner = demoAgents.find((a) => a.role === 'owner')!;

export interface ProductionStack {
  appUrl: string;
  livechatUrl: string;
  salesforceUrl: string;
  /** The web process (its worker is a child of it): CPU time, output (JSON lines, the worker's too). */
  app: BenchProcess;
  /** A typed call of the app's API as the owner. */
  call<E extends Endpoint>(endpoint: E, ...input: CallArgs<E>): Promise<SuccessOf<E>>;
  /** A JSON request to an emulator's admin API. */
  admin(url: string, method: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts the emulators and the app (each in its own process) and sets the app up as an owner would. */
export async function startProductionStack(env: Record<string, string> = {}): Promise<ProductionStack> {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir() };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-bench-app-'));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as its own user, who must reach the folder
  const procs: BenchProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await p.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const [livechat, salesforce] = await Promise.all([
      startProcess('emulators/livechat/cli.ts', ['--port', '0'], {
        env: base,
        ownSession: true,
        ready: /LiveChat emulator listening on (\S+)/,
      }),
      startProcess('emulators/salesforce/cli.ts', ['--port', '0'], {
        env: base,
        ownSession: true,
        ready: /Salesforce emulator listening on (\S+)/,
      }),
    ]);
    procs.push(livechat.process, salesforce.process);
    const livechatUrl = livechat.match[1]!;
    const salesforceUrl = salesforce.match[1]!;

    const admin = async (url: string, method: string, body?: unknown) => {
      const res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };
    const pat = (await admin(`${livechatUrl}/__admin/personal-access-tokens`, 'POST', {
      email: owner.email,
      scopes: ['webhooks.configuration:rw'],
    })) as { accountId: string; token: string };

    const port = await findFreePort();
    const appUrl = `http://localhost:${port}`;
    // What `npm start` serves once the frontends are built (they play no part here).
    const { process: app } = await startProcess('server/main.ts', [], {
      ready: /Salesforce for LiveChat is listening on/,
      timeoutMs: 120_000,
      ownSession: true,
      env: {
        ...base,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: appUrl,
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        LIVECHAT_CLIENT_ID: demoClient.clientId,
        LIVECHAT_CLIENT_SECRET: demoClient.clientSecret ?? '',
        LIVECHAT_ACCOUNTS_URL: livechatUrl,
        LIVECHAT_API_URL: livechatUrl,
        LIVECHAT_AUTHOR_PAT: `${pat.accountId}:${pat.token}`,
        SALESFORCE_CLIENT_ID: demoConnectedApp.clientId,
        SALESFORCE_CLIENT_SECRET: demoConnectedApp.clientSecret,
        SALESFORCE_PRODUCTION_LOGIN_URL: salesforceUrl,
        SALESFORCE_SANDBOX_LOGIN_URL: salesforceUrl,
        SALESFORCE_ALLOWED_LOGIN_HOSTS: 'localhost,127.0.0.1',
        ...env,
      },
    });
    procs.push(app);

    // The owner signs in to LiveChat and opens the settings: the app is installed for the license.
    const signIn = await fetch(`${livechatUrl}/__admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const redirectUri = `${appUrl}/settings/`;
    const code = await livechatCode(livechatUrl, cookie, { clientId: demoClient.clientId, redirectUri });
    const tokens = (await admin(`${livechatUrl}/__admin/tokens`, 'POST', {
      email: owner.email,
      client_id: demoClient.clientId,
    })) as { access_token: string };
    const call = createCall(
      createHttp({ baseUrl: appUrl, getToken: () => Promise.resolve(tokens.access_token) }),
    );
    await call(endpoints.install, { body: { code, redirectUri } });
    // Add account → Salesforce's page (Allow) → the callback relayed by the settings app.
    const created = await call(endpoints.createAccount, {
      body: { label: 'Demo Shop', environment: 'production' },
    });
    const callback = await approveSalesforce(created.authorizeUrl, owner.email);
    const { account } = await call(endpoints.completeSalesforceOAuth, { body: relayedCallback(callback) });
    await call(endpoints.createMapping, { params: { id: account.id }, body: demoMappings[0]! });

    return {
      appUrl,
      livechatUrl,
      salesforceUrl,
      app,
      call,
      admin,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The demo license's number, as the LiveChat emulator's admin API names licenses. */
export const licenseNumber = demoLicense.licenseId;
