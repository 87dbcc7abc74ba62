import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The root of the Nx workspace `start` is in: the nearest folder at or above it holding nx.json, else `start` itself.
 * Found from the working directory rather than from this file, because installed from a registry this file sits in
 * node_modules, whose ancestors say nothing of where the workspace's pacts/ is.
 */
export function workspaceRootOf(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The workspace's pacts/: where the consumers' `contract` targets write their pacts and the providers read them. */
export const PACTS_DIR = join(workspaceRootOf(process.cwd()), 'pacts');

/** Every pact `dir` holds for `provider`: the files `<consumer>-<provider>.json`, in the consumers' order. */
export function pactFilesFor(provider: string, dir = PACTS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(`-${provider}.json`))
    .sort()
    .map((file) => join(dir, file));
}
