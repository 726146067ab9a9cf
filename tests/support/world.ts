import pino, { type Logger } from 'pino';
import { Writable } from 'node:stream';
import { startDemo, type Demo } from '../../emulators/demo/demo';
import { demoClient } from '../../emulators/livechat';
import type { Config } from '../../server/config';
import { buildConfig } from './config';
import type { CallArgs, Endpoint, SuccessOf } from '../../src/api/endpoints';
import { createCall, createHttp } from '../../ui/api/http';
import { distDir } from './builtFrontends';

/** Quick retries and a short job timeout, so failure tests finish in seconds. */
const testAutomation: Partial<Config> = {
  automation: {
    jobTimeoutSeconds: 4,
    retryDelaySeconds: 1,
    retryDelayMaxSeconds: 2,
    retryLimit: 20,
    pollIntervalSeconds: 0.5,
    concurrency: 32,
  },
};
import { createEmptyDatabase } from './database';

export interface World extends Demo {
  /** Every log line the app wrote, to check that no secret ever reaches a log. */
  logs: string[];
  /** A LiveChat access token for an agent, as accounts-sdk would give the browser. */
  tokenFor(email: string, options?: { clientId?: string; expiresIn?: number }): string;
  /** An authenticated request to the app's API. */
  api(
    token: string | null,
    path: string,
    init?: { method?: string; body?: unknown },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of every shape
  ): Promise<{ status: number; body: any; text: string }>;
  /**
   * A typed call of one endpoint of the contract (src/api/endpoints.ts), as the frontends make it:
   * its input typed by the entry, its answer parsed with the entry's schema; any other status
   * throws the frontends' ApiError (status, code, message, details). For requests a client would never send (bad input), use `api`.
   */
  call: <E extends Endpoint>(
    token: string | null,
    endpoint: E,
    ...input: CallArgs<E>
  ) => Promise<SuccessOf<E>>;
  close(): Promise<void>;
}

/**
 * The real app on free ports, on a database of its own, against both emulators: the demo wiring with
 * everything configurable. `seed` installs the demo license and connects its org as the demo does.
 */
export async function startWorld(
  options: { seed?: boolean; worker?: boolean; config?: Partial<Config>; databaseUrl?: string } = {},
): Promise<World> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createEmptyDatabase('world');
  const logs: string[] = [];
  const logger: Logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const demo = await startDemo(
    buildConfig({ databaseUrl: database.url, port: 0, ...testAutomation, ...options.config }),
    logger,
    {
      seed: options.seed ?? false,
      pollingIntervalSeconds: 0.5,
      distDir,
      ...(options.worker === undefined ? {} : { worker: options.worker }),
    },
  );
  return {
    ...demo,
    logs,
    tokenFor: (email, opts = {}) =>
      demo.livechat.admin.issueAgentToken(email, {
        clientId: opts.clientId ?? demoClient.clientId,
        ...(opts.expiresIn === undefined ? {} : { expiresIn: opts.expiresIn }),
      }),
    api: async (token, path, init = {}) => {
      const res = await fetch(`${demo.appUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: res.status, body, text };
    },
    call: (token, endpoint, ...input) =>
      createCall(
        createHttp({
          baseUrl: demo.appUrl,
          getToken: () => Promise.resolve(token ?? ''),
        }),
      )(endpoint, ...input),
    close: async () => {
      await demo.stop();
      await database.drop();
    },
  };
}
