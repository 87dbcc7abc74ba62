import { execFileSync } from 'node:child_process';

/** A git command failed: the message is git's own `fatal:`/`error:` line (else its first), which names the problem. */
export class GitError extends Error {
  constructor(readonly args: string[], stderr: string) {
    const lines = stderr.trim().split('\n');
    super(`git ${args.join(' ')}: ${lines.find((line) => /^(fatal|error):/.test(line)) ?? (lines[0] || 'failed')}`);
    this.name = 'GitError';
  }
}

/** Runs git in `cwd` and answers its standard output, without the trailing newline. */
export function git(cwd: string, ...args: string[]): string {
  try {
    const output = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    return output.replace(/\n$/, '');
  } catch (error) {
    throw new GitError(args, String((error as { stderr?: unknown }).stderr ?? error));
  }
}

/** The full sha of `revision` as a commit, or `undefined` when the repository has no such commit. */
export function resolveCommit(cwd: string, revision: string): string | undefined {
  try {
    return git(cwd, 'rev-parse', '--verify', '--quiet', `${revision}^{commit}`);
  } catch {
    return undefined;
  }
}

/** The content of `path` at `commit`, or `undefined` when the file does not exist there. */
export function fileAt(cwd: string, commit: string, path: string): string | undefined {
  try {
    return git(cwd, 'show', `${commit}:${path}`);
  } catch {
    return undefined;
  }
}

/** Whether any file under `path` at `commit` (JSON aside) mentions `text`. */
export function mentionedAt(cwd: string, commit: string, text: string, path: string): boolean {
  try {
    return git(cwd, 'grep', '--fixed-strings', '--files-with-matches', text, commit, '--', path, ':(exclude)*.json') !== '';
  } catch {
    return false; // git grep exits 1 when nothing matches
  }
}

/** The seven-character form of a sha, as the matrix prints it. */
export function short(sha: string): string {
  return sha.slice(0, 7);
}
