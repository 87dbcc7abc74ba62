import { logger, readJson, readProjectConfiguration, updateJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addNestApplication } from '../../testing/tree-fixtures';
import { boundaryGenerator } from './generator';
import { withNodeTypesForJest } from './jest-config-edits';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOUNDARY_VERSION, PEER_DEPENDENCIES, PEER_DEV_DEPENDENCIES } from './versions';

/** What `create-nx-workspace --preset=nest` leaves at the root: Nx's own Jest preset, no TESTING.md, no Swagger. */
const NX_JEST_PRESET = "const nxPreset = require('@nx/jest/preset').default;\n\nmodule.exports = { ...nxPreset };\n";
const NX_ESLINT_CONFIG = `import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }],
    },
  },
];
`;

describe('boundary generator in a workspace made by create-nx-workspace (the kit installed, not in source)', () => {
  let tree: Tree;
  let said: unknown[];
  beforeAll(async () => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('jest.preset.js', NX_JEST_PRESET);
    tree.write('eslint.config.mjs', NX_ESLINT_CONFIG);
    updateJson(tree, 'package.json', (json) => ({ ...json, devDependencies: { prettier: '~3.6.2' } }));
    addNestApplication(tree, 'payments');
    addNestApplication(tree, 'users');
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await boundaryGenerator(tree, { provider: 'payments', consumer: 'users', resource: 'charges' });
    said = info.mock.calls.map(([line]) => line);
    info.mockRestore();
  });
  const read = (path: string) => tree.read(path, 'utf8') ?? '';

  it('adds the kit at the plugin’s version and the peers the generated code imports to package.json, and says to install', () => {
    const { dependencies, devDependencies } = readJson(tree, 'package.json');
    expect(dependencies).toMatchObject({ '@boundary/client-core': BOUNDARY_VERSION, '@boundary/service-kit': BOUNDARY_VERSION, '@nestjs/axios': '^4.0.1', zod: '^4.6.7' });
    expect(devDependencies).toMatchObject({ '@boundary/testing': BOUNDARY_VERSION, '@pact-foundation/pact': '16.4.0', nock: '14.0.10' });
    expect(said).toContainEqual(expect.stringMatching(/^Added to package.json: @boundary\/client-core, .*Run `npm install`\.$/));
  });

  it('gives each library ts-jest and a tsconfig of its own, and the workspace no tsconfig.libs.json, typecheck default or TESTING.md', () => {
    for (const lib of ['payments-contract', 'payments-client']) {
      expect(read(`libs/${lib}/jest.config.cjs`)).toContain("['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]");
      expect(readJson(tree, `libs/${lib}/tsconfig.json`).extends).toBe('../../tsconfig.base.json');
      expect(readProjectConfiguration(tree, lib).targets).toEqual({});
    }
    expect(tree.exists('tsconfig.libs.json')).toBe(false);
    expect(tree.exists('TESTING.md')).toBe(false);
    expect(readJson(tree, 'nx.json').targetDefaults.typecheck).toBeUndefined();
    expect(said).toContain('No TESTING.md in the workspace: the test levels are named by the generated specs.');
  });

  it('writes a controller on the light service-kit entry point, without Swagger decorators the workspace cannot load', () => {
    const controller = read('apps/payments/src/charges/charges.controller.ts');
    expect(controller).toContain("import { ZodValidationPipe } from '@boundary/service-kit/http';");
    expect(controller).not.toContain('@nestjs/swagger');
    expect(controller).not.toContain('@Api');
  });
});

describe('versions.ts: the peers a workspace gets', () => {
  const root = JSON.parse(readFileSync(join(__dirname, '../../../../../package.json'), 'utf8'));
  it.each(Object.entries({ ...PEER_DEPENDENCIES, ...PEER_DEV_DEPENDENCIES }))('%s %s starts at the version this repository tests with', (name, range) => {
    expect(range.replace(/^[\^~]/, '')).toBe({ ...root.dependencies, ...root.devDependencies }[name]);
  });
});

describe('withNodeTypesForJest: a Jest config in TypeScript is readable under TypeScript 6', () => {
  const tsconfig = '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "esModuleInterop": true } }';
  it.each([
    ['jest.config.cts', tsconfig, '6.0', { esModuleInterop: true, types: ['node'], ignoreDeprecations: '6.0' }],
    ['jest.config.cts', '{ "compilerOptions": { "types": ["jest"] } }', '6.0', { types: ['jest', 'node'], ignoreDeprecations: '6.0' }],
    ['jest.config.cts', '{ "compilerOptions": { "types": ["node"], "ignoreDeprecations": "6.0" } }', '6.0', undefined],
    ['jest.config.cjs', tsconfig, '6.0', undefined],
    ['jest.config.ts', tsconfig, '5.9', undefined],
  ])('%s, %s, TypeScript %s: %j', (config, content, version, compilerOptions) => {
    const out = withNodeTypesForJest(config, content, version);
    expect(out === undefined ? undefined : JSON.parse(out).compilerOptions).toEqual(compilerOptions);
  });
});

describe('boundary generator in a workspace of TypeScript project references (create-nx-workspace --workspaces)', () => {
  let tree: Tree;
  beforeAll(async () => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('jest.preset.js', NX_JEST_PRESET);
    tree.write('eslint.config.mjs', NX_ESLINT_CONFIG);
    updateJson(tree, 'package.json', (json) => ({ ...json, workspaces: ['packages/*', 'apps/*'], devDependencies: { prettier: '~3.6.2' } }));
    tree.write('tsconfig.json', JSON.stringify({ extends: './tsconfig.base.json', files: [], references: [{ path: './apps/payments' }, { path: './apps/users' }] }));
    for (const app of ['payments', 'users']) {
      // An app of this layout is a workspace package named @adopter/<app>, configured in its package.json.
      addNestApplication(tree, app);
      tree.delete(`apps/${app}/project.json`);
      tree.write(`apps/${app}/package.json`, JSON.stringify({ name: `@adopter/${app}`, version: '0.0.1', private: true, nx: {} }));
    }
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await boundaryGenerator(tree, { provider: '@adopter/payments', consumer: '@adopter/users', resource: 'charges' });
    jest.restoreAllMocks();
  });

  it('makes the libraries workspace packages: package.json with tags and entry points, tsconfig references, no paths', () => {
    expect(readJson(tree, 'libs/payments-client/package.json')).toMatchObject({
      name: '@boundary/payments-client',
      exports: { './testing': { types: './src/testing/index.ts' } },
      dependencies: { '@boundary/payments-contract': '*' },
      nx: { tags: ['type:client', 'scope:payments'] },
    });
    expect(readJson(tree, 'package.json').workspaces).toEqual(['packages/*', 'apps/*', 'libs/*']);
    expect(readJson(tree, 'tsconfig.json').references).toContainEqual({ path: './libs/payments-contract' });
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths ?? {}).toEqual({});
  });

  it('names files and pacts after the unscoped app, and configures the apps in their package.json', () => {
    expect(tree.exists('apps/users/src/contract/payments.pact.spec.ts')).toBe(true);
    const users = readJson(tree, 'apps/users/package.json');
    expect(users.dependencies).toEqual({ '@boundary/payments-contract': '*', '@boundary/payments-client': '*' });
    expect(users.nx.targets.contract.outputs).toEqual(['{workspaceRoot}/pacts/users-payments.json']);
    expect(readJson(tree, 'apps/payments/package.json').nx.implicitDependencies).toEqual(['@adopter/users']);
  });
});
