import { readJson, readNxJson, updateNxJson, writeJson, type TargetConfiguration, type Tree } from '@nx/devkit';

/** The workspace's tsconfig every generated library extends. */
export const LIBS_TSCONFIG = 'tsconfig.libs.json';

const PACT_TOOLS = { externalDependencies: ['jest', '@pact-foundation/pact'] };

/** The Jest options that pick a service's pact specs out of its unit test config (`config`), which ignores them. */
const pactSpecs = (pattern: string, options = '', config = 'jest.config.cjs') =>
  `jest --config ${config} --testPathIgnorePatterns=/node_modules/${options} --testPathPatterns '${pattern}'`;

const CONTRACT_PATTERN = '\\.pact\\.spec\\.ts$';
const CONTRACT_OPTIONS = ' --testTimeout=30000';

/** `nx verify <provider>`: its verification specs against the pacts in pacts/, through its Jest config `config`. */
export const verifyCommand = (config?: string) => pactSpecs('\\.pact-verify\\.spec\\.ts$', '', config);

/** `nx contract <consumer>`: its pact specs, through its Jest config `config`. */
export const contractCommand = (config?: string) => pactSpecs(CONTRACT_PATTERN, CONTRACT_OPTIONS, config);

/**
 * The `contract` and `verify` targets as every service has them, written once in nx.json: a project states only what
 * is its own (the pact it writes; the verify command, which can-i-deploy reads from its project.json). `verify` runs
 * after the `contract` of the consumers the provider depends on implicitly.
 */
const PACT_TARGET_DEFAULTS: Record<'contract' | 'verify', TargetConfiguration> = {
  contract: {
    executor: 'nx:run-commands',
    cache: true,
    inputs: ['default', '^production', '{workspaceRoot}/jest.preset.js', PACT_TOOLS],
    options: { cwd: '{projectRoot}', command: contractCommand() },
  },
  verify: {
    executor: 'nx:run-commands',
    cache: true,
    dependsOn: ['^contract'],
    inputs: ['default', '^production', '{workspaceRoot}/jest.preset.js', '{workspaceRoot}/pacts/**/*.json', PACT_TOOLS],
  },
};

/**
 * Whether libraries take their Jest transform from the workspace's jest.preset.js and extend its tsconfig.libs.json,
 * as this kit's own workspace has them; otherwise (Nx's own preset transforms nothing) each library names ts-jest and
 * its tsconfig, as Nx's library generator writes them, and the workspace gets no tsconfig.libs.json or typecheck default.
 */
export function sharesLibraryPreset(tree: Tree): boolean {
  const preset = tree.read('jest.preset.js', 'utf8');
  return tree.exists(LIBS_TSCONFIG) || preset === null || /\btransform\b/.test(preset);
}

/**
 * The template folder of the libraries' own config files: `lib` where they share the workspace's Jest preset, `lib-ts`
 * in a workspace of TypeScript project references (npm workspaces, a root tsconfig.json of references: libraries are
 * packages), else `lib-nx` (tsconfig paths).
 */
export function libraryLayout(tree: Tree): 'lib' | 'lib-nx' | 'lib-ts' {
  if (sharesLibraryPreset(tree)) return 'lib';
  const manifest = tree.exists('package.json') ? readJson<{ workspaces?: unknown }>(tree, 'package.json') : {};
  const solution = tree.exists('tsconfig.json') ? readJson<{ references?: unknown }>(tree, 'tsconfig.json') : {};
  return manifest.workspaces !== undefined && Array.isArray(solution.references) ? 'lib-ts' : 'lib-nx';
}

/** What every boundary relies on at the workspace level, written once where a workspace lacks it. */
export function ensureWorkspaceDefaults(tree: Tree, sharedPreset: boolean): void {
  if (sharedPreset && !tree.exists(LIBS_TSCONFIG)) {
    writeJson(tree, LIBS_TSCONFIG, {
      extends: './tsconfig.base.json',
      compilerOptions: {
        module: 'commonjs',
        moduleResolution: 'node10',
        forceConsistentCasingInFileNames: true,
        noImplicitOverride: true,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: true,
        noPropertyAccessFromIndexSignature: true,
        types: ['jest', 'node'],
      },
      include: ['${configDir}/src/**/*.ts'],
    });
  }
  const nxJson = readNxJson(tree) ?? {};
  const targetDefaults = { ...nxJson.targetDefaults };
  const typecheck = targetDefaults['typecheck'];
  // A workspace that lists filtered typecheck defaults has chosen its own; the generator leaves them be.
  if (sharedPreset && !Array.isArray(typecheck) && typecheck?.options?.commands === undefined) {
    targetDefaults['typecheck'] = {
      executor: 'nx:run-commands',
      cache: true,
      inputs: ['default', '^default', `{workspaceRoot}/${LIBS_TSCONFIG}`, { externalDependencies: ['typescript'] }],
      ...typecheck,
      options: { cwd: '{workspaceRoot}', parallel: false, ...typecheck?.options, commands: ['tsc -p {projectRoot}/tsconfig.json --noEmit'] },
    };
  }
  for (const [target, defaults] of Object.entries(PACT_TARGET_DEFAULTS)) targetDefaults[target] ??= defaults;
  updateNxJson(tree, { ...nxJson, targetDefaults });
}
