const { join } = require('node:path');
const preset = require('./jest.preset.js');

const [, swcJestConfig] = preset.transform['^.+\\.[tj]s$'];

// The preset of every project whose tests open embedded PGlite databases.
module.exports = {
  ...preset,
  // PGlite's CommonJS build loads node built-ins with `import()`, which Jest's VM cannot run without
  // --experimental-vm-modules; compiled by swc to CommonJS, they become `require` calls.
  transform: {
    ...preset.transform,
    '@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', swcJestConfig],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  // A new database starts from the dump of an empty cluster, not from initdb (bench/RESULTS.md, "The test suite").
  setupFiles: [join(__dirname, 'libs/service-kit/src/testing/pglite-empty-cluster.setup.ts')],
};
