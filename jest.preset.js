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

// The process-level suites (a scratch clone of the repository, built services as processes) are `e2e` targets, run by
// `npm run e2e` with each project's jest.e2e.config.cjs; `npm test` never picks them up.
const E2E_SPEC_PATTERNS = ['\\.e2e\\.spec\\.ts$', '\\.scratch-clone\\.spec\\.ts$'];

module.exports = {
  ...nxPreset,
  testPathIgnorePatterns: ['/node_modules/', ...E2E_SPEC_PATTERNS],
  resolver: join(__dirname, 'jest.resolver.cjs'),
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcJestConfig] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
