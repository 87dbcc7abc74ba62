import { join } from 'node:path';
import { publishedPackages, readJson, workspaceRoot, type PackageManifest } from './published-packages';

const packages = publishedPackages();
const rootManifest = readJson<PackageManifest & { devDependencies: Record<string, string> }>(join(workspaceRoot, 'package.json'));
const installed = { ...rootManifest.dependencies, ...rootManifest.devDependencies };
const aliases = readJson<{ compilerOptions: { paths: Record<string, string[]> } }>(join(workspaceRoot, 'tsconfig.base.json'))
  .compilerOptions.paths;
const familyNames = new Set(packages.map((p) => p.manifest.name));
const cases = packages.map((p) => [p.manifest.name, p] as const);

// The pins the README's Set-up table holds back: a package must not let a user install what the workspace refuses.
const HELD_BACK_PEERS: Record<string, string> = {
  '@pact-foundation/pact': '>=16.0.4 <16.5.0',
  nock: installed['nock'],
  fastify: installed['fastify'],
  '@nestjs/platform-fastify': installed['@nestjs/platform-fastify'],
};

/** The built file an entry point's source file becomes: libs/testing/src/pact.ts → ./src/pact. */
function builtBase(root: string, source: string): string {
  return './' + source.replace(/^\.\//, '').slice(root.length + 1).replace(/\.ts$/, '');
}

describe('the published packages (nx.json release.projects)', () => {
  it('share one version, as a fixed release group', () => {
    expect(new Set(packages.map((p) => p.manifest.version)).size).toBe(1);
  });

  it.each(cases)('%s is publishable: public, CommonJS, its build folder and changelog its only files', (_name, p) => {
    expect(p.manifest.private).toBeUndefined();
    expect(p.manifest).toMatchObject({
      type: 'commonjs',
      files: expect.arrayContaining(['src', 'CHANGELOG.md']),
      // A scoped package is published restricted unless it says otherwise.
      publishConfig: { access: 'public' },
    });
    expect(p.dist).toBe(`dist/${p.root}`);
  });

  it.each(cases)('%s runs on the Node versions the workspace supports (engines as the root package.json)', (_name, p) => {
    expect(p.manifest.engines).toEqual(rootManifest.engines);
  });

  it.each(cases)('%s depends on the versions the workspace installs, and on its family at the family version', (_name, p) => {
    for (const [dependency, range] of Object.entries(p.manifest.dependencies ?? {})) {
      const expected = familyNames.has(dependency) ? p.manifest.version : installed[dependency];
      expect({ dependency, range }).toEqual({ dependency, range: expected });
    }
  });

  it.each(cases)('%s holds back the peers the workspace holds back', (_name, p) => {
    for (const [peer, range] of Object.entries(p.manifest.peerDependencies ?? {})) {
      if (peer in HELD_BACK_PEERS) expect({ peer, range }).toEqual({ peer, range: HELD_BACK_PEERS[peer] });
    }
  });

  it.each(cases)('%s exports every entry point the workspace imports it by, with types for node10 resolution', (_name, p) => {
    const entryPoints = Object.entries(aliases).filter(
      ([alias]) => alias === p.manifest.name || alias.startsWith(`${p.manifest.name}/`),
    );
    expect(entryPoints.length).toBeGreaterThan(0);
    for (const [alias, [source]] of entryPoints) {
      const subpath = alias.slice(p.manifest.name.length + 1);
      const base = builtBase(p.root, source);
      expect(p.manifest.exports?.[subpath ? `./${subpath}` : '.']).toEqual({ types: `${base}.d.ts`, default: `${base}.js` });
      if (subpath) expect(p.manifest.typesVersions?.['*']?.[subpath]).toEqual([`${base}.d.ts`]);
      else expect({ main: p.manifest.main, types: p.manifest.types }).toEqual({ main: `${base}.js`, types: `${base}.d.ts` });
    }
  });
});

describe('reading a manifest', () => {
  it('names the file that is missing', () => {
    expect(() => readJson(join(workspaceRoot, 'libs/nowhere/package.json'))).toThrow('libs/nowhere/package.json does not exist');
  });

  it('names the file that is not JSON', () => {
    expect(() => readJson(join(workspaceRoot, 'tools/packages/eslint.config.mjs'))).toThrow(/eslint\.config\.mjs is not valid JSON/);
  });
});
