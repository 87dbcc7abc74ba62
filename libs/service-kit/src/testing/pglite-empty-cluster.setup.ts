// A Jest setup file of every project whose tests open embedded PGlite databases (jest.pglite.preset.js): each new
// cluster starts from the dump of an empty one instead of running initdb. The dump is made by the first test that
// needs it and kept in the OS temp folder, one per PGlite version and test configuration, for every later test file
// and run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { usePgliteClusterTemplate } from '../lib/database/pglite-cluster-template';

const GZIP = 'application/x-gzip';

/**
 * The dump's postgresql.conf, which every test cluster made from it starts with. A test database holds a few rows,
 * but PostgreSQL's default pool of 128 MB of shared buffers is set up on every start and walked by every DROP and
 * TRUNCATE: with 8 MB the Order Service's tests took a third less CPU (171 → 113 s; 1 MB was slower again, 138 s:
 * the pool then thrashes). bench/RESULTS.md, "The test suite".
 */
const TEST_CLUSTER_CONF = ['shared_buffers = 8MB'];
/** Names the kept dump, so that a change of the configuration above makes a new one. */
const TEST_CLUSTER_TAG = createHash('sha256').update(TEST_CLUSTER_CONF.join('\n')).digest('hex').slice(0, 8);

/** The installed PGlite's version: a dump is kept per version (its package.json is not among its exports). */
function pgliteVersion(): string {
  const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '../package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

let dump: Promise<Blob> | undefined;

/** The kept dump, or a new one made and kept (written aside, then renamed: a parallel test file never reads half). */
async function emptyClusterDump(): Promise<Blob> {
  const file = join(tmpdir(), `pglite-${pgliteVersion()}-${TEST_CLUSTER_TAG}-empty-cluster.tar.gz`);
  try {
    return new Blob([await readFile(file)], { type: GZIP });
  } catch {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ postgresqlconf: TEST_CLUSTER_CONF });
    try {
      const made = await pglite.dumpDataDir('gzip');
      const aside = `${file}.${process.pid}`;
      await writeFile(aside, Buffer.from(await made.arrayBuffer()));
      await rename(aside, file);
      return made;
    } finally {
      await pglite.close();
    }
  }
}

usePgliteClusterTemplate(() => (dump ??= emptyClusterDump()));
