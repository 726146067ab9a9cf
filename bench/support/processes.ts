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

/**
 * Starts `node --import tsx <entry> ...args` in the project and resolves once a line of its output
 * matches `ready` (with the match), or rejects with its output when it exits first.
 */
export function startProcess(
  entry: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<{ process: BenchProcess; match: RegExpExecArray }> {
  const child = spawn(path.join(projectRoot, 'node_modules/.bin/node'), ['--import', 'tsx', entry, ...args], {
    cwd: projectRoot,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
