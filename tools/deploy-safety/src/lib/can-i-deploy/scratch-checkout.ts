import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, git, short } from '../git/git';
import { contentHash } from '../pacts/pacts';

/** Installs the dependencies that `dir`'s package.json and package-lock.json name into `dir/node_modules`. */
export type InstallDependencies = (dir: string) => void;

/** A clean install from the lockfile, no scripts (the native packages come as platform packages). */
export const npmCi: InstallDependencies = (dir) => {
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
};

/** Where can-i-deploy keeps its scratch work under the workspace root (gitignored). */
export interface ScratchPlaces {
  /** The git checkout whose commits are checked out. */
  root: string;
  /** The cache folder: worktrees/, dependencies/, pacts/, results/. */
  cacheDir: string;
  install: InstallDependencies;
  /** Receives a line for each step that costs time (a worktree made, dependencies installed). */
  log: (line: string) => void;
}

/**
 * A scratch git worktree of `commit` with its dependencies, made once and reused. `node_modules` is the
 * workspace's own when the commit's lockfile is the one it was installed from; otherwise an install of that
 * lockfile, made once per lockfile hash and shared by every commit that has it.
 */
export function scratchCheckout(places: ScratchPlaces, commit: string): string {
  const { root, cacheDir, log } = places;
  const dir = join(cacheDir, 'worktrees', commit);
  if (!existsSync(join(dir, '.git'))) {
    log(`preparing ${short(commit)} in a scratch worktree (${dir})`);
    // What an interrupted run left there is not a worktree git knows: start again.
    rmSync(dir, { recursive: true, force: true });
    git(root, 'worktree', 'prune');
    git(root, 'worktree', 'add', '--detach', '--force', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(dependenciesFor(places, commit), join(dir, 'node_modules'));
  return dir;
}

/** The node_modules folder that `commit`'s lockfile asks for. */
export function dependenciesFor({ root, cacheDir, install, log }: ScratchPlaces, commit: string): string {
  const lockfile = fileAt(root, commit, 'package-lock.json') ?? '';
  const installedFrom = existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json'), 'utf8') : '';
  if (contentHash(lockfile) === contentHash(installedFrom.replace(/\n$/, ''))) return realpathSync(join(root, 'node_modules'));
  const dir = join(cacheDir, 'dependencies', contentHash(lockfile));
  if (!existsSync(join(dir, 'node_modules'))) {
    log(`installing the dependencies of ${short(commit)}'s lockfile (it differs from the workspace's) into ${dir}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), fileAt(root, commit, 'package.json') ?? '{}');
    writeFileSync(join(dir, 'package-lock.json'), lockfile);
    install(dir);
  }
  return join(dir, 'node_modules');
}
