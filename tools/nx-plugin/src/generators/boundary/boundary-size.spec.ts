import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceGenerator } from '../service/generator';
import { boundaryGenerator } from './generator';

const workspaceRoot = join(__dirname, '../../../../..');

/**
 * What a boundary between two fresh services may write in its two libraries and the two apps together: issue 23's
 * budget of 25 files and 550 lines (it was 40 and 700), counted as files created or edited and lines added.
 */
const MAX_FILES = 25;
const MAX_LINES = 550;

interface FileWeight {
  path: string;
  change: 'created' | 'edited';
  lines: number;
}

/** Every file's content, as the tree holds it. */
function contents(tree: Tree): Map<string, string> {
  return new Map(tree.listChanges().map((change) => [change.path, change.content?.toString() ?? '']));
}

/** Lines of `after` that `before` does not have, counted as multisets: an edit's added lines. */
function addedLines(before: string, after: string): number {
  const old = new Map<string, number>();
  for (const line of before.split('\n')) old.set(line, (old.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after.split('\n')) {
    const left = old.get(line) ?? 0;
    if (left > 0) old.set(line, left - 1);
    else added += 1;
  }
  return added;
}

/** The files under `roots` that `after` creates or changes relative to `before`, with the lines each adds. */
function weigh(before: Map<string, string>, after: Map<string, string>, roots: string[]): FileWeight[] {
  const weights: FileWeight[] = [];
  for (const [path, content] of after) {
    if (!roots.some((root) => path.startsWith(`${root}/`))) continue;
    const old = before.get(path);
    if (old === content) continue;
    const lines = content.replace(/\n$/, '').split('\n').length;
    weights.push(old === undefined ? { path, change: 'created', lines } : { path, change: 'edited', lines: addedLines(old, content) });
  }
  return weights.sort((a, b) => a.path.localeCompare(b.path));
}

describe('boundary generator: the size of what it writes', () => {
  it(`writes at most ${MAX_FILES} files and ${MAX_LINES} lines in its two libraries and the two apps`, async () => {
    const tree = createTreeWithEmptyWorkspace();
    for (const file of ['eslint.config.mjs', 'TESTING.md', 'package.json', 'tsconfig.base.json']) tree.write(file, readFileSync(join(workspaceRoot, file), 'utf8'));
    await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database: true });
    await serviceGenerator(tree, { name: 'shop-service', port: 5011 });
    const before = contents(tree);

    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'shop-service', resource: 'warehouse-items' });

    const roots = ['libs/stock-level-contract', 'libs/stock-level-client', 'apps/stock-level-service', 'apps/shop-service'];
    const weights = weigh(before, contents(tree), roots);
    const total = (ws: FileWeight[]) => ({ files: ws.length, lines: ws.reduce((sum, w) => sum + w.lines, 0) });
    const libs = total(weights.filter((w) => w.path.startsWith('libs/')));
    const all = total(weights);
    process.stdout.write(
      `${[
        ...weights.map((w) => `${w.change.padEnd(8)} ${String(w.lines).padStart(4)}  ${w.path}`),
        `libraries: ${libs.files} files, ${libs.lines} lines; with the apps: ${all.files} files, ${all.lines} lines`,
      ].join('\n')}\n`,
    );

    expect(all.files).toBeLessThanOrEqual(MAX_FILES);
    expect(all.lines).toBeLessThanOrEqual(MAX_LINES);
  });
});
