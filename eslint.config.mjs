import nx from '@nx/eslint-plugin';
import jsoncParser from 'jsonc-eslint-parser';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/coverage', '**/reports', '**/.stryker-tmp'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      // The layering the project is about: apps wire, the client talks HTTP, the contract is pure data.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // Shared configuration files, not project code: the root ESLint config, and the one webpack configuration
          // every service's webpack.config.js calls.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/tools/build/service-webpack\\.config(\\.js)?$'],
          depConstraints: [
            // type:testing (the generic test kit) is reached only from tests and test helpers: no-restricted-imports below.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:contract', 'type:kit', 'type:testing'],
            },
            // The kit's own specs may use the test kit (recordingTracing); no-restricted-imports keeps it out of production code.
            { sourceTag: 'type:kit', onlyDependOnLibsWithTags: ['type:contract', 'type:testing'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:contract', 'type:client-core', 'type:testing'] },
            { sourceTag: 'type:client-core', onlyDependOnLibsWithTags: ['type:contract', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
            // The Nx plugin writes projects; it imports none.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [] },
            // Workspace checks (tools/architecture, deploy/) may run the Nx plugin: deploy/ proves what it generates deploys.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tool'] },
            {
              // A contract is data both sides read: it may build on the shared HTTP conventions, nothing heavier.
              sourceTag: 'type:contract',
              onlyDependOnLibsWithTags: ['type:contract'],
              allowedExternalImports: ['zod'],
            },
            // The benchmarks (type:e2e too) time the client core's layers one by one, its transports included.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:contract', 'type:testing'] },
            { sourceTag: 'scope:order', onlyDependOnLibsWithTags: ['scope:order', 'scope:inventory', 'scope:shared'] },
            { sourceTag: 'scope:user', onlyDependOnLibsWithTags: ['scope:user', 'scope:order', 'scope:shared'] },
            // Dependencies point down the chain (user → order → inventory): a provider never reads its consumer's code.
            { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
            // Fulfilment consumes the Order Service's events: it reads the order events contract, never the reverse.
            {
              sourceTag: 'scope:fulfilment',
              onlyDependOnLibsWithTags: ['scope:fulfilment', 'scope:order', 'scope:inventory', 'scope:shared'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Test doubles must never reach production code: only tests and test helpers may import them.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.test-app.ts', '**/*.scenarios.ts', '**/*.provider-states.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/order-client/testing', '**/testing'], message: 'Test doubles are for tests only.' }] },
      ],
    },
  },
];

// A published library's package.json states what its built code needs (issue 24 §1): every package its production
// code imports is a dependency or a peer, none is listed without being used, and each range admits the version this
// workspace installs. Spec files and test set-up are not part of the package.
export const publishedPackage = [
  {
    files: ['**/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          ignoredFiles: [
            '{projectRoot}/eslint.config.{js,cjs,mjs}',
            '{projectRoot}/jest.config.{js,cjs,mjs}',
            '{projectRoot}/jest.e2e.config.{js,cjs,mjs}',
            '{projectRoot}/src/**/*.spec.ts',
            '{projectRoot}/src/testing/**',
            '{projectRoot}/src/lib/testing/**',
          ],
        },
      ],
    },
  },
];
