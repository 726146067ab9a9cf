import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config, Env } from '../config';

/** Variables that stay unset when the configuration has no value for them. */
type Unset = 'ENCRYPTION_KEY' | 'LIVECHAT_AUTHOR_PAT';

/**
 * The environment under which `npm run worker` (server/worker.ts) parses exactly `config`: the app's
 * own, with every setting written out, so what the app resolved in memory (the demo's emulators and
 * key, the embedded PostgreSQL's address) reaches the worker too. parseConfig reads it back (a test
 * holds the two together).
 */
export function workerEnvironment(config: Config, databaseUrl: string): Record<string, string> {
  const { encryption, livechat, salesforce, automation } = config;
  // Every variable parseConfig reads is written (a new one fails to compile here until it is).
  const env: Record<Exclude<keyof Env, Unset>, string> & Partial<Record<Unset, string>> = {
    NODE_ENV: config.env,
    PORT: String(config.port),
    HOST: config.host,
    PUBLIC_URL: config.publicUrl,
    LOG_LEVEL: config.logLevel,
    LOG_FORMAT: config.logFormat,
    SHUTDOWN_GRACE_SECONDS: String(config.shutdownGraceMs / 1000),
    DATABASE_URL: databaseUrl,
    DATA_DIR: config.dataDir,
    ENCRYPTION_KEY_ID: encryption.keyId,
    ENCRYPTION_OLD_KEYS: encryption.oldKeys.map((k) => `${k.id}:${k.key}`).join(','),
    LIVECHAT_CLIENT_ID: livechat.clientId,
    LIVECHAT_CLIENT_SECRET: livechat.clientSecret,
    LIVECHAT_ACCOUNTS_URL: livechat.accountsUrl,
    LIVECHAT_API_URL: livechat.apiUrl,
    LIVECHAT_AGENT_APP_URL: livechat.agentAppUrl,
    SALESFORCE_CLIENT_ID: salesforce.clientId,
    SALESFORCE_CLIENT_SECRET: salesforce.clientSecret,
    SALESFORCE_API_VERSION: salesforce.apiVersion,
    SALESFORCE_PRODUCTION_LOGIN_URL: salesforce.productionLoginUrl,
    SALESFORCE_SANDBOX_LOGIN_URL: salesforce.sandboxLoginUrl,
    SALESFORCE_ALLOWED_LOGIN_HOSTS: salesforce.allowedLoginHosts.join(','),
    AUTOMATION_JOB_TIMEOUT_SECONDS: String(automation.jobTimeoutSeconds),
    AUTOMATION_RETRY_DELAY_SECONDS: String(automation.retryDelaySeconds),
    AUTOMATION_RETRY_DELAY_MAX_SECONDS: String(automation.retryDelayMaxSeconds),
    AUTOMATION_RETRY_LIMIT: String(automation.retryLimit),
    AUTOMATION_POLL_INTERVAL_SECONDS: String(automation.pollIntervalSeconds),
    AUTOMATION_CONCURRENCY: String(automation.concurrency),
    AUTOMATION_WORKER: config.worker,
    FRAME_ANCESTORS: config.frameAncestors.join(','),
  };
  if (encryption.key) env.ENCRYPTION_KEY = encryption.key;
  if (livechat.authorToken) {
    env.LIVECHAT_AUTHOR_PAT = `${livechat.authorToken.accountId}:${livechat.authorToken.token}`;
  }
  return env;
}

/**
 * Nices the worker (nice 10) and, on Linux, its session's autogroup too. With the autogroup feature
 * on (sched(7) › The autogroup feature: the default of most distributions), every session is a task
 * group, and "a thread's nice value has an effect for scheduling decisions only relative to other
 * threads in the same task group": the worker, detached into a session of its own, would get as
 * much CPU as the app's whole session whatever its own nice value. The group's nice value is set
 * through /proc/<pid>/autogroup (raising it needs no privilege). Without autogroup (or /proc) that
 * file is missing or its value unused, and the process's own nice value does it.
 */
function lowerPriority(pid: number, log: Logger): void {
  try {
    os.setPriority(pid, WORKER_NICENESS);
  } catch (error) {
    log.warn({ err: error }, 'the automation worker runs at the app’s own priority');
  }
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(WORKER_NICENESS));
  } catch (error) {
    log.debug({ err: error }, 'the automation worker’s session keeps its CPU share (no autogroup here)');
  }
}

export interface WorkerProcess {
  /**
   * SIGTERM, as a process manager stops `npm run worker`: it takes no more jobs, lets its runs finish
   * within its grace and releases the rest. Resolves once it has exited (SIGKILL after `graceMs`
   * and a margin); it is not started again.
   */
  stop(graceMs: number): Promise<void>;
}

/** Waits between starts of a worker that keeps stopping; back to the first after a minute up. */
const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const STABLE_AFTER_MS = 60_000;
const KILL_MARGIN_MS = 10_000;
/** Below the app's priority (nice(1): 0 is the default, 19 the lowest). */
const WORKER_NICENESS = 10;
const whenAppGone = path.join(import.meta.dirname, 'whenAppGone.ts');

/**
 * The automation worker in a process of its own, started and stopped with the app, so its work never
 * holds up the web process's event loop. It runs `entry` (server/worker.ts) under `env`:
 *
 * - in a process group of its own, so a Ctrl-C reaches only the app, which stops it in order
 *   (requests and runs in flight get the same grace, then the queue and PostgreSQL stop);
 * - with an IPC channel, which closes when the app dies however it dies (kill -9 included): the worker
 *   then stops by itself, as on SIGTERM (whenAppGone.ts, loaded before anything else);
 * - at a lower CPU priority than the app (nice 10, its session's autogroup too), so on a machine
 *   short of CPU the web process answers first;
 * - writing to the app's own stdout and stderr (one stream; its lines are named "worker");
 * - started again when it stops unexpectedly, with a growing pause, each time said as an error.
 */
export function startWorkerProcess(options: {
  entry: string;
  cwd: string;
  env: Record<string, string>;
  logger: Logger;
  restartDelaysMs?: number[];
}): WorkerProcess {
  const log = options.logger.child({ module: 'worker-process' });
  const delays = options.restartDelaysMs ?? RESTART_DELAYS_MS;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let crashes = 0;

  const start = () => {
    const startedAt = Date.now();
    const proc = spawn(process.execPath, ['--import', 'tsx', '--import', whenAppGone, options.entry], {
      cwd: options.cwd,
      // The app's own environment (PATH, TMPDIR…), with every setting as the app resolved it.
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = proc;
    // The worker yields the CPU to the app on a busy machine: a webhook or a widget request is
    // waited on by a person (or LiveChat); a run mostly waits on Salesforce anyway.
    if (proc.pid !== undefined) lowerPriority(proc.pid, log);
    exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        child = undefined;
        resolve();
        if (stopping) return;
        crashes = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : crashes + 1;
        const delay = delays[Math.min(crashes, delays.length) - 1] ?? 1_000;
        log.error(
          { code, signal, restartInMs: delay, crashes },
          `the automation worker stopped unexpectedly; starting it again in ${delay / 1000} s (ended chats wait in the queue meanwhile)`,
        );
        restartTimer = setTimeout(start, delay);
      });
    });
    proc.once('error', (error) => log.error({ err: error }, 'the automation worker could not be started'));
    // The channel only tells the worker that the app is gone; nothing is sent on it.
    proc.channel?.unref();
    log.info({ pid: proc.pid }, 'automation worker process started');
  };
  start();

  return {
    stop: async (graceMs) => {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (!running) return;
      running.kill('SIGTERM');
      const kill = setTimeout(() => running.kill('SIGKILL'), graceMs + KILL_MARGIN_MS);
      await exited;
      clearTimeout(kill);
    },
  };
}
