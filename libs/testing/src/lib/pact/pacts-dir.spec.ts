import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACTS_DIR, workspaceRootOf } from './pacts-dir';

describe('where the pacts are', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'workspace-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is pacts/ at the root of the Nx workspace the tests run in, whatever the project folder', () => {
    writeFileSync(join(dir, 'nx.json'), '{}');
    mkdirSync(join(dir, 'apps/payments/src'), { recursive: true });
    expect(workspaceRootOf(join(dir, 'apps/payments/src'))).toBe(dir);
    expect(workspaceRootOf(dir)).toBe(dir);
  });

  it('is the starting folder’s when no folder above it holds nx.json', () => {
    mkdirSync(join(dir, 'loose'));
    expect(workspaceRootOf(join(dir, 'loose'))).toBe(join(dir, 'loose'));
  });

  // Jest runs this library's tests in libs/testing: the repository's own pacts/, as the contract targets write them.
  it('is this repository’s pacts/ for its own tests', () => {
    expect(PACTS_DIR).toBe(join(__dirname, '../../../../../pacts'));
  });
});
