import { PGlite } from '@electric-sql/pglite';
import { pgliteClusterOptions } from '../lib/database/pglite-cluster-template';

// This file runs under jest.pglite.preset.js, whose setup file (pglite-empty-cluster.setup.ts) sets the template.
describe('a test cluster (jest.pglite.preset.js)', () => {
  it('starts from the kept dump with a small pool of shared buffers, not PostgreSQL’s default 128 MB', async () => {
    const options = await pgliteClusterOptions(undefined);
    expect(options.loadDataDir).toBeInstanceOf(Blob);
    const pglite = await PGlite.create(undefined, options);
    try {
      const { rows } = await pglite.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows).toEqual([{ shared_buffers: '8MB' }]);
    } finally {
      await pglite.close();
    }
  });
});
