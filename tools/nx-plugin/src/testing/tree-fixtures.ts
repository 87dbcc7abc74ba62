import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nestApplicationFiles } from './nest-application';

const workspaceRoot = join(__dirname, '../../../..');

/** An app as `nx g @nx/nest:application apps/<name>` writes it (`nestApplicationFiles`), in the tree. */
export function addNestApplication(tree: Tree, name: string): void {
  for (const [path, content] of Object.entries(nestApplicationFiles(name))) tree.write(path, content);
}

/** The repository's own copy of `path`, written into the tree. */
export function copyFromWorkspace(tree: Tree, path: string): void {
  tree.write(path, readFileSync(join(workspaceRoot, path), 'utf8'));
}

/** Every file of the repository's app `app` (its project.json among them), copied into the tree: the real User and Order Services, as committed. */
export function copyAppFromWorkspace(tree: Tree, app: string): void {
  const root = join(workspaceRoot, 'apps', app);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) copyFromWorkspace(tree, relative(workspaceRoot, join(entry.parentPath, entry.name)));
  }
}

/**
 * An empty workspace with the repository's eslint.config.mjs, TESTING.md, package.json and tsconfig.base.json (the kit's
 * libraries mapped to source, their peers installed), as a generator finds this one.
 */
export function treeLikeThisWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const file of ['eslint.config.mjs', 'TESTING.md', 'package.json', 'tsconfig.base.json']) copyFromWorkspace(tree, file);
  return tree;
}

/** Every changed file of the tree with its content, to prove a refusal wrote nothing. */
export function changedFiles(tree: Tree): Map<string, string> {
  return new Map(tree.listChanges().map((change) => [change.path, change.content?.toString() ?? '']));
}
