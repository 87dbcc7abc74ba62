import { generateFiles, joinPathFragments, type Tree } from '@nx/devkit';
import { join } from 'node:path';

/** The kustomize base listing every service; deploy entries are written only in a workspace that has it. */
export const DEPLOY_BASE = 'deploy/base';
const OVERLAYS = ['deploy/overlays/dev', 'deploy/overlays/prod'];

/**
 * Adds `name` to deploy/ as the existing services are there: its base folder (Deployment, Service,
 * PodDisruptionBudget, NetworkPolicy), its line in the base's resources, its image in each overlay and, with a
 * database, its dev-only Secret in the dev overlay and the command creating its production Secret in the README.
 */
export function addDeployEntries(tree: Tree, name: string, database: boolean, substitutions: Record<string, unknown>): void {
  generateFiles(tree, join(__dirname, 'files', 'deploy'), joinPathFragments(DEPLOY_BASE, name), substitutions);
  edit(tree, `${DEPLOY_BASE}/kustomization.yaml`, (lines) => insertAfterLast(lines, /^ {2}- [a-z0-9-]+$/, `  - ${name}`));
  for (const overlay of OVERLAYS) {
    edit(tree, `${overlay}/kustomization.yaml`, (lines) => {
      // The new image line is the last one with the service's name in it, so every overlay keeps its own tag and registry.
      const last = lastMatch(lines, /^ {2}- \{ name: boundary\/([a-z0-9-]+),/);
      return insertAfterLast(lines, /^ {2}- \{ name: boundary\//, lines[last].split(`/${/boundary\/([a-z0-9-]+),/.exec(lines[last])?.[1]}`).join(`/${name}`));
    });
  }
  // Its only Secret is its database's: each consumer/provider pair has its own, which the boundary generator adds.
  if (!database) return;
  edit(tree, `${OVERLAYS[0]}/kustomization.yaml`, (lines) => {
    const databaseUrl = lines[lastMatch(lines, /^ {6}- database-url=/)];
    return [...trimEnd(lines), `  - name: ${name}-secrets`, '    literals:', databaseUrl, ''];
  });
  if (tree.exists('README.md')) {
    edit(tree, 'README.md', (lines) => {
      const last = lastMatch(lines, /create secret generic \S+ --from-literal=database-url=/);
      const url = `--from-literal=database-url='postgres://${substitutions['schemaName']}:…@10.0.0.10:5432/boundary'`;
      return [...lines.slice(0, last + 1), lines[last].replace(/secret generic \S+ .*$/, `secret generic ${name}-secrets ${url}`), ...lines.slice(last + 1)];
    });
  }
}

/** Whether `name`'s deploy entries would overwrite something: its base folder exists already. */
export function hasDeployEntries(tree: Tree, name: string): boolean {
  return tree.exists(joinPathFragments(DEPLOY_BASE, name));
}

/** Rewrites the file `path` of deploy/ line by line; a missing file is refused, naming it. */
export function edit(tree: Tree, path: string, change: (lines: string[]) => string[]): void {
  const text = tree.read(path, 'utf8');
  if (text === null) throw new Error(`${path} is missing: deploy/ must have a base and the dev and prod overlays.`);
  tree.write(path, change(text.split('\n')).join('\n'));
}

/** The index of the last line matching `pattern`; refused when none does, for the entry has no place to go. */
export function lastMatch(lines: string[], pattern: RegExp): number {
  const index = findLast(lines, (line) => pattern.test(line));
  if (index < 0) throw new Error(`deploy/: no line matches ${pattern}, so the new service's entry has no place to go.`);
  return index;
}

function insertAfterLast(lines: string[], pattern: RegExp, line: string): string[] {
  const index = lastMatch(lines, pattern);
  return [...lines.slice(0, index + 1), line, ...lines.slice(index + 1)];
}

/** `lines` without the blank lines at their end. */
export function trimEnd(lines: string[]): string[] {
  const end = findLast(lines, (line) => line.trim() !== '');
  return lines.slice(0, end + 1);
}

/** The index of the last line that passes `test`, or -1 (Array#findLastIndex is ES2023, beyond this workspace's lib). */
export function findLast(lines: string[], test: (line: string) => boolean): number {
  for (let index = lines.length - 1; index >= 0; index--) if (test(lines[index])) return index;
  return -1;
}
