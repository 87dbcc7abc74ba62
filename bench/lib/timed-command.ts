import { spawn } from 'node:child_process';

export interface TimedRun {
  ms: number;
  code: number | null;
  output: string;
}

/** Runs a command to its end (killed after `timeoutMs`) and times it from outside, wall clock. */
export function timedCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number },
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    // A bench started with `nx run … --skip-nx-cache` inherits NX_SKIP_NX_CACHE: every nx it times would skip
    // the cache too, and a "cached" run would measure a cold one. Commands that mean to skip it say so themselves.
    const { NX_SKIP_NX_CACHE: _inherited, ...inherited } = process.env;
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...inherited, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, output });
    });
  });
}
