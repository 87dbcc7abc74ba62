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

module.exports = {
  ...nxPreset,
  resolver: join(__dirname, 'jest.resolver.cjs'),
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcJestConfig] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
