const preset = require('../../jest.preset.js');
const [, swcJestConfig] = preset.transform['^.+\\.[tj]s$'];

module.exports = {
  displayName: 'inventory-service',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/inventory-service',
  // Every storage test starts a real database (PGlite boots in seconds on a busy machine); generous on purpose.
  testTimeout: 60_000,
  // PGlite's CommonJS build loads node built-ins with `import()`, which Jest's VM cannot run without
  // --experimental-vm-modules; compiled by swc to CommonJS, they become `require` calls.
  transform: {
    ...preset.transform,
    '@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', swcJestConfig],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
};
