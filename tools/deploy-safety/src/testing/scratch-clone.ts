import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../..');

/** A command's exit status and its whole output. */
export interface Outcome {
  status: number | null;
  output: string;
}

/** A clone of the committed workspace in a temporary folder, and ways to run things in it. */
export interface ScratchClone {
  path: string;
  /** Runs `command` with `args` in the clone, without an Nx daemon, cloud or colours. */
  run(command: string, args: string[]): Outcome;
  /** Runs git in the clone and answers its trimmed output. */
  git(...args: string[]): string;
  /** Runs the clone's Nx as a user would (`npx nx …`). */
  nx(...args: string[]): Outcome;
  remove(): void;
}

/**
 * The committed workspace cloned (the checkout's node_modules linked in, a committer configured): commits are made
 * and commands run there as a user would, and the checkout stays untouched.
 */
export function scratchClone(prefix: string): ScratchClone {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const run = (command: string, args: string[]): Outcome => {
    const result = spawnSync(command, args, {
      cwd: path,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const cloned = run('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, path]);
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.output}`);
  symlinkSync(realpathSync(join(workspaceRoot, 'node_modules')), join(path, 'node_modules'));
  const git = (...args: string[]) => run('git', args).output.trim();
  git('config', 'user.email', 'scratch@test.local');
  git('config', 'user.name', 'scratch clone');
  return {
    path,
    run,
    git,
    nx: (...args) => run(process.execPath, [join(path, 'node_modules/nx/dist/bin/nx.js'), ...args]),
    remove: () => {
      run('git', ['worktree', 'prune']);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
