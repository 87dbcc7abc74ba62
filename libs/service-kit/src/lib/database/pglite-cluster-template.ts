import { readdir } from 'node:fs/promises';

/** Gives the dump of an empty PGlite cluster (`PGlite.dumpDataDir()`), or `undefined` to let initdb run. */
export type PgliteClusterTemplate = () => Promise<Blob | undefined>;

let template: PgliteClusterTemplate | undefined;

/**
 * Starts every new embedded cluster (in memory, or in a folder that is missing or empty) from `dump` instead of
 * running initdb, which is most of PGlite's start-up: 6–9 s under Jest on a busy 2-core machine, 2–3 s from a dump
 * (bench/RESULTS.md, "The test suite"). For test set-up, where dozens of databases are opened: a service opens one.
 * `undefined` goes back to initdb.
 */
export function usePgliteClusterTemplate(dump: PgliteClusterTemplate | undefined): void {
  template = dump;
}

/** `PGlite.create`'s options for a cluster at `dataDir`: the template's dump when the cluster is new and one is set. */
export async function pgliteClusterOptions(dataDir: string | undefined): Promise<{ loadDataDir?: Blob }> {
  if (template === undefined || !(await isNewCluster(dataDir))) return {};
  const loadDataDir = await template();
  return loadDataDir === undefined ? {} : { loadDataDir };
}

async function isNewCluster(dataDir: string | undefined): Promise<boolean> {
  if (dataDir === undefined || dataDir.startsWith('memory://')) return true;
  try {
    return (await readdir(dataDir)).length === 0;
  } catch {
    return true; // PGlite makes the folder
  }
}
