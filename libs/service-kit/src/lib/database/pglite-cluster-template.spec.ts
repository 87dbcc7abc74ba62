import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteClusterOptions, usePgliteClusterTemplate } from './pglite-cluster-template';

describe('a PGlite cluster template', () => {
  let folder: string;
  let marked: Blob;

  beforeAll(async () => {
    // A dump a fresh initdb could never produce: a cluster started from it shows the table.
    const pglite = await PGlite.create();
    await pglite.exec('CREATE TABLE made_from_the_template (id int)');
    marked = await pglite.dumpDataDir('gzip');
    await pglite.close();
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pglite-template-'));
    usePgliteClusterTemplate(async () => marked);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('is what a new cluster in memory starts from', async () => {
    const pglite = await PGlite.create(undefined, await pgliteClusterOptions(undefined));
    const { rows } = await pglite.query(`SELECT to_regclass('made_from_the_template') IS NOT NULL AS made`);
    await pglite.close();
    expect(rows).toEqual([{ made: true }]);
  });

  it('is used for memory, a missing folder and an empty one', async () => {
    for (const dataDir of [undefined, 'memory://x', join(folder, 'missing'), folder]) {
      expect(await pgliteClusterOptions(dataDir)).toEqual({ loadDataDir: marked });
    }
  });

  it('is not used for a folder that holds a cluster already: its data stays', async () => {
    await writeFile(join(folder, 'PG_VERSION'), '17');
    expect(await pgliteClusterOptions(folder)).toEqual({});
  });

  it('is not used when none is set, nor when it gives no dump: initdb runs', async () => {
    usePgliteClusterTemplate(undefined);
    expect(await pgliteClusterOptions(undefined)).toEqual({});
    usePgliteClusterTemplate(async () => undefined);
    expect(await pgliteClusterOptions(undefined)).toEqual({});
  });
});
