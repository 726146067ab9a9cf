import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/automation';

/**
 * `npm start` as a newcomer runs it (the demo: the app, both emulators, an embedded PostgreSQL), in a
 * data folder of its own, stopped the ways a terminal, a process manager and a crash stop it.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const dataDirs: string[] = [];
const started: ChildProcess[] = [];

interface Line {
  level: number;
  msg: string;
  name?: string;
  postgresPid?: number;
  pid?: number;
}

interface Start {
  npm: ChildProcess;
  lines: () => Line[];
  output: () => string;
  exited: Promise<number | null>;
}

function npmStart(port: number, dataDir: string): Start {
  let out = '';
  const npm = spawn('npm', ['start'], {
    cwd: root,
    // Its own process group, so a failed test can still remove everything it started.
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_FORMAT: 'json', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  npm.stdout?.on('data', (d) => (out += String(d)));
  npm.stderr?.on('data', (d) => (out += String(d)));
  // 'close', not 'exit': the output is all read only once the pipes close.
  const exited = new Promise<number | null>((resolve) => npm.once('close', (code) => resolve(code)));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);
  return { npm, lines, output: () => out, exited };
}

async function upAndRunning(start: Start): Promise<void> {
  let exited = false;
  void start.exited.then(() => (exited = true));
  await eventually(
    () => {
      if (exited) throw new Error(`npm start exited before it was up:\n${start.output()}`);
      expect(start.output()).toContain('Open:');
    },
    90_000,
    100,
  );
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** A port whose next two are free as well (the demo's emulators take PORT+1 and PORT+2). */
async function freeTriple(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await portIsFree(port)) && (await portIsFree(port + 1)) && (await portIsFree(port + 2))) return port;
  }
}

const postgresPidOf = (start: Start) =>
  start.lines().find((l) => l.msg === 'embedded PostgreSQL started')?.postgresPid;

/** The automation worker's processes, in the order the app started them. */
const workerPids = (start: Start) =>
  start
    .lines()
    .filter((l) => l.msg === 'automation worker process started')
    .map((l) => l.pid!);

/** Until the app's worker process (the `n`th it started) says it takes jobs; answers its pid. */
async function workerUp(start: Start, n = 1): Promise<number> {
  return eventually(
    () => {
      expect(workerPids(start).length, start.output()).toBeGreaterThanOrEqual(n);
      const taking = start
        .lines()
        .filter((l) => l.name === 'worker' && l.msg === 'automation worker started');
      expect(taking.length, start.output()).toBeGreaterThanOrEqual(n);
      return workerPids(start)[n - 1]!;
    },
    90_000,
    100,
  );
}

afterAll(async () => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops on SIGTERM to npm leaving no process and no error, starts again at once, and recovers from kill -9 of the app and of its worker', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-lifecycle-'));
    dataDirs.push(dataDir);
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as its own user, who must reach the folder
    const port = await freeTriple();

    const first = npmStart(port, dataDir);
    await upAndRunning(first);
    const postgres = postgresPidOf(first);
    expect(postgres).toBeGreaterThan(0);
    // The automation worker runs in a process of its own, writing to the same stream.
    const worker = await workerUp(first);
    expect(worker).not.toBe(first.npm.pid);
    // It yields the CPU to the app: nice 10, its session's autogroup too where Linux has one (there
    // a process's nice value weighs only within its session, and the worker has a session of its own).
    expect(os.getPriority(worker)).toBe(10);
    const autogroup = `/proc/${worker}/autogroup`;
    if (existsSync(autogroup)) expect(readFileSync(autogroup, 'utf8').trim()).toMatch(/ nice 10$/);
    process.kill(first.npm.pid!, 'SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    expect(
      first.lines().filter((l) => l.level >= 40),
      first.output(),
    ).toEqual([]);
    // The worker stopped first (its runs released), the app last.
    const stops = first.lines().filter((l) => l.msg === 'stopped');
    expect(
      stops.map((l) => l.name ?? 'app'),
      first.output(),
    ).toEqual(['worker', 'app']);
    expect(first.lines().at(-1)?.msg, first.output()).toBe('stopped');
    expect(isRunning(worker)).toBe(false);
    expect(isRunning(postgres!)).toBe(false);
    for (const p of [port, port + 1, port + 2]) expect(await portIsFree(p), `port ${p}`).toBe(true);

    // Comes up again at once, and a kill -9 of its node process leaves PostgreSQL behind…
    const second = npmStart(port, dataDir);
    await upAndRunning(second);
    const orphan = postgresPidOf(second)!;
    const secondWorker = await workerUp(second);
    // `npm start` execs node in npm's shell: npm's only child is the node process.
    const node = Number(execFileSync('pgrep', ['-P', String(second.npm.pid)], { encoding: 'utf8' }).trim());
    process.kill(node, 'SIGKILL');
    await second.exited;
    expect(isRunning(orphan), second.output()).toBe(true);
    // The worker hears its app is gone and stops by itself.
    await eventually(() => expect(isRunning(secondWorker)).toBe(false), 30_000, 100);

    // …which the next start finds and stops before it starts its own.
    const third = npmStart(port, dataDir);
    await upAndRunning(third);
    expect(
      third.lines().map((l) => l.msg),
      third.output(),
    ).toContain('stopping the embedded PostgreSQL left running by an earlier start');
    expect(isRunning(orphan)).toBe(false);

    // A worker that dies is said loudly and started again.
    const crashed = await workerUp(third);
    process.kill(crashed, 'SIGKILL');
    const restarted = await workerUp(third, 2);
    expect(restarted).not.toBe(crashed);
    process.kill(third.npm.pid!, 'SIGTERM');
    expect(await third.exited, third.output()).toBe(0);
    expect(
      third.lines().filter((l) => l.level >= 50),
      third.output(),
    ).toEqual([
      expect.objectContaining({
        level: 50,
        signal: 'SIGKILL',
        msg: expect.stringMatching(/stopped unexpectedly/),
      }),
    ]);
    expect(isRunning(restarted)).toBe(false);
  }, 240_000);
});
