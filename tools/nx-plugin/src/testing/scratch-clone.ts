import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../..');

/**
 * Runs `command` in `cwd` without a daemon or cloud, and returns its exit status, its whole output (stdout then
 * stderr) and its stdout alone — what to parse: Node 24 warns on stderr of every nx command (TOOLCHAIN P22).
 */
export function run(cwd: string, command: string): { status: number | null; output: string; stdout: string } {
  const result = spawnSync(command, {
    cwd,
    shell: true,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/**
 * The committed workspace, cloned into a temporary folder with the checkout's node_modules linked in: generators
 * run there as a user would run them, and the checkout stays untouched. Call `remove` when done.
 */
export function scratchClone(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const cloned = run(tmpdir(), `git clone --quiet ${workspaceRoot} ${path}`);
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.output}`);
  symlinkSync(realpathSync(join(workspaceRoot, 'node_modules')), join(path, 'node_modules'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `{ status: 0, output: '' }` when `command` succeeded; else its status and whole output, for a readable failure. */
export function outcome(cwd: string, command: string): { status: number | null; output: string } {
  const result = run(cwd, command);
  return { status: result.status, output: result.status === 0 ? '' : result.output };
}

/** The command that commits everything in a scratch clone, as its own author: a later `git status` shows only what follows. */
export function commitAll(message: string): string {
  return `git add -A && git -c user.email=e2e@test.local -c user.name=e2e commit --quiet -m ${message}`;
}

/**
 * `{ status: 0, failures: '' }` when the Nx run `command` passed; else its status and what failed: each failing
 * Jest test with the lines under its `●` heading, and Nx's list of failed tasks. A run of many projects prints far
 * more than an assertion message can hold, and its tail names no test (a red CI run once showed only the tail).
 */
export function verdict(cwd: string, command: string): { status: number | null; failures: string; output: string } {
  const result = run(cwd, command);
  return { status: result.status, failures: result.status === 0 ? '' : failureReport(result.output), output: result.output };
}

/** The failing tests (`●` blocks, 40 lines each at most) and Nx's "Failed tasks" list in a run's output. */
export function failureReport(output: string): string {
  const lines = output.split('\n');
  const blocks: string[] = [];
  lines.forEach((line, index) => {
    if (/^\s*● /.test(line) && !/^\s*● Console/.test(line)) blocks.push(lines.slice(index, index + 40).join('\n'));
  });
  const failedTasks = output.match(/Failed tasks:\s*\n(?:[ \t]*- .*(?:\n|$))+/)?.[0] ?? '';
  const report = [...blocks, failedTasks].filter((part) => part.trim() !== '').join('\n\n');
  return report === '' ? output.slice(-4000) : report.slice(0, 20_000);
}
