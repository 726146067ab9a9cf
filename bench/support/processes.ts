/**
 * Benchmark processes: each part of the set-up (an emulator, the web tier, a worker) as a child
 * process of its own, started from its real entry point, so the load generator (the benchmark)
 * never shares an event loop or a core's time slices with what it measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BenchProcess {
  child: ChildProcess;
  /** CPU seconds it has used so far (user + system, from /proc; NaN where there is none). */
  cpuSeconds(): number;
  /** Everything it wrote so far. */
  output(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** utime + stime of a process (proc(5): fields 14 and 15, in clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Children started in sessions of their own: told to stop when this process ends, however it ends. */
const detachedChildren = new Set<ChildProcess>();
let reapingOnExit = false;
function reapOnExit() {
  if (reapingOnExit) return;
  reapingOnExit = true;
  const killAll = () => {
    // SIGTERM: each stops in order by itself (the app its worker and PostgreSQL) after this one is gone.
    for (const child of detachedChildren) if (child.pid) terminate(child.pid);
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}
const terminate = (pid: number) => {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

/**
 * Starts `node --import tsx <entry> ...args` in the project and resolves once a line of its output
 * matches `ready` (with the match), or rejects with its output when it exits first.
 *
 * `ownSession`: the process runs in a session of its own, as a service started by its own
 * supervisor (systemd, a container) does, not in this benchmark's. Where Linux's autogroup is on
 * (sched(7) › The autogroup feature), the CPU is shared between sessions first: a part in the
 * benchmark's session would share one session's share with the load generator and every other part
 * there, which no deployment does (LiveChat, Salesforce and the app are on machines of their own).
 * Such a process is sent SIGTERM if this one ends without stopping it (a Ctrl-C no longer reaches it).
 */
export function startProcess(
  entry: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number; ownSession?: boolean },
): Promise<{ process: BenchProcess; match: RegExpExecArray }> {
  const child = spawn(path.join(projectRoot, 'node_modules/.bin/node'), ['--import', 'tsx', entry, ...args], {
    cwd: projectRoot,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownSession === true,
  });
  if (options.ownSession) {
    reapOnExit();
    detachedChildren.add(child);
    child.once('close', () => detachedChildren.delete(child));
  }
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const proc: BenchProcess = {
    child,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${options.timeoutMs ?? 60_000} ms:\n${out}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (data: Buffer) => {
      // Only the latest output is kept: a worker logs a line per run.
      out = (out + String(data)).slice(-64_000);
      const match = options.ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ process: proc, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${out}`));
    });
  });
}
