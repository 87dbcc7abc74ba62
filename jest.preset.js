const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

// One swc transform for every project: ts-jest type-checks on every run and is several times slower.
// legacyDecorator + decoratorMetadata are what let Nest resolve constructor parameters by class type.
const swcJestConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2021',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
};

// The workspace's path aliases as plain mappings. Nx's resolver (the preset's default) resolves them through
// TypeScript, which it loads in every Jest worker: ~150 ms of each worker's first test file.
const { compilerOptions } = require('./tsconfig.base.json');
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${escapeRegExp(alias)}$`, join(__dirname, target)]),
);

module.exports = {
  ...nxPreset,
  resolver: undefined,
  moduleNameMapper,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcJestConfig] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
