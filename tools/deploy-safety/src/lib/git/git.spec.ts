import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, GitError } from './git';

describe('GitError', () => {
  it('names git’s own fatal line, not the progress git printed before it', () => {
    const stderr = "Preparing worktree (detached HEAD 1911d7e)\nfatal: '/tmp/x' already exists\n";
    expect(new GitError(['worktree', 'add', '/tmp/x'], stderr).message).toBe("git worktree add /tmp/x: fatal: '/tmp/x' already exists");
  });

  it('is what git() throws when git fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'git-error-'));
    try {
      git(dir, 'init', '--quiet');
      expect(() => git(dir, 'show', 'HEAD:missing.json')).toThrow(/^git show HEAD:missing\.json: fatal: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
