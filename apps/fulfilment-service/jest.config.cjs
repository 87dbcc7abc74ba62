module.exports = {
  displayName: 'fulfilment-service',
  preset: '../../jest.pglite.preset.js',
  coverageDirectory: '../../coverage/apps/fulfilment-service',
  // Every app test starts a real database (PGlite boots in seconds on a busy machine); generous on purpose.
  testTimeout: 60_000,
  // Pact specs run as their own targets: `nx contract` (a consumer's) and `nx verify` (a provider's).
  testPathIgnorePatterns: ['/node_modules/', '\\.pact\\.spec\\.ts$', '\\.pact-verify\\.spec\\.ts$'],
};
