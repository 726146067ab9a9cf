import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { demoClient } from '../../emulators/livechat';
import { demoConnectedApp } from '../../emulators/salesforce';
import { buildConfig } from './config';
import { createEmptyDatabase } from './database';
import { startWorld, type World } from './world';

const root = path.resolve(import.meta.dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no chance to finish or clean up, as when a machine dies. */
  kill(): void;
  /** SIGTERM, as a process manager stops it; resolves with its exit code once it has exited. */
  stop(): Promise<number | null>;
}

/** The environment of a production process of the app against the world's emulators. */
function productionEnv(
  world: World,
  databaseUrl: string,
  encryptionKey: string,
  env: Record<string, string>,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: world.appUrl,
    ENCRYPTION_KEY: encryptionKey,
    LIVECHAT_CLIENT_ID: demoClient.clientId,
    LIVECHAT_CLIENT_SECRET: demoClient.clientSecret ?? '',
    LIVECHAT_ACCOUNTS_URL: world.livechat.accountsUrl,
    LIVECHAT_API_URL: world.livechatUrl,
    SALESFORCE_CLIENT_ID: demoConnectedApp.clientId,
    SALESFORCE_CLIENT_SECRET: demoConnectedApp.clientSecret,
    AUTOMATION_JOB_TIMEOUT_SECONDS: '4',
    AUTOMATION_RETRY_DELAY_SECONDS: '1',
    AUTOMATION_RETRY_DELAY_MAX_SECONDS: '2',
    AUTOMATION_POLL_INTERVAL_SECONDS: '0.5',
    ...env,
  };
}

/** A command of the app (`npm run <script>`), run to its end: its exit code and output. */
export async function runAppCommand(
  world: World,
  databaseUrl: string,
  encryptionKey: string,
  entry: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: productionEnv(world, databaseUrl, encryptionKey, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, output };
}

/** `npm run worker` as its own process, configured from the environment like a production worker. */
export function spawnWorker(
  world: World,
  databaseUrl: string,
  encryptionKey: string,
  env: Record<string, string> = {},
): WorkerProcess {
  // As `npm run worker` runs it.
  return spawnEntry('server/worker.ts', productionEnv(world, databaseUrl, encryptionKey, env));
}

export interface WebProcess extends WorkerProcess {
  url: string;
}

/**
 * The app's web tier alone in a process of its own (`AUTOMATION_WORKER=none`: its workers run
 * elsewhere), on a free port, configured from the environment like production; resolves once it
 * listens.
 */
export async function spawnWeb(
  world: World,
  databaseUrl: string,
  encryptionKey: string,
  env: Record<string, string> = {},
): Promise<WebProcess> {
  const web = spawnEntry(
    'server/main.ts',
    productionEnv(world, databaseUrl, encryptionKey, { PORT: '0', AUTOMATION_WORKER: 'none', ...env }),
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    const url = /"url":"(http[^"]+)"/.exec(web.output())?.[1];
    if (url) return { ...web, url };
    if (web.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the web process did not start:\n${web.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function spawnEntry(entry: string, env: NodeJS.ProcessEnv): WorkerProcess {
  let out = '';
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', entry], {
    cwd: root,
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    kill: () => process.kill(-child.pid!, 'SIGKILL'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      return exited;
    },
  };
}

/**
 * The web app alone, on a database of its own, with records made by worker processes the test
 * spawns (`spawn`), and more web processes if it wants (`spawnWeb`); `close` stops them all and
 * drops the database.
 */
export async function startWorldForWorkers(prefix: string): Promise<{
  world: World;
  spawn(env?: Record<string, string>): WorkerProcess;
  /** A web process of the app (without a worker) on the same database. */
  spawnWeb(env?: Record<string, string>): Promise<WebProcess>;
  close(): Promise<void>;
}> {
  const database = await createEmptyDatabase(prefix);
  const world = await startWorld({ seed: true, worker: false, databaseUrl: database.url });
  const workers: WorkerProcess[] = [];
  const encryptionKey = buildConfig().encryption.key!;
  return {
    world,
    spawn: (env = {}) => {
      const worker = spawnWorker(world, database.url, encryptionKey, env);
      workers.push(worker);
      return worker;
    },
    spawnWeb: async (env = {}) => {
      const web = await spawnWeb(world, database.url, encryptionKey, env);
      workers.push(web);
      return web;
    },
    close: async () => {
      for (const w of workers) await w.stop().catch(() => {});
      await world.close();
      await database.drop();
    },
  };
}
