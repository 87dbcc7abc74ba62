const preset = require('../../jest.preset.js');
const [, swcJestConfig] = preset.transform['^.+\\.[tj]s$'];

module.exports = {
  displayName: 'service-kit',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/service-kit',
  // openServiceDatabase's tests start PGlite, which boots in seconds on a busy machine.
  testTimeout: 60_000,
  // PGlite's CommonJS build loads node built-ins with `import()`, which Jest's VM cannot run without
  // --experimental-vm-modules; compiled by swc to CommonJS, they become `require` calls (TOOLCHAIN P15).
  transform: {
    ...preset.transform,
    '@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', swcJestConfig],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
};
