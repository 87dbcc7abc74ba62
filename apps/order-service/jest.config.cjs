module.exports = {
  displayName: 'order-service',
  preset: '../../jest.pglite.preset.js',
  coverageDirectory: '../../coverage/apps/order-service',
  // Every storage test starts a real database (PGlite boots in seconds on a busy machine); generous on purpose.
  testTimeout: 60_000,
  // Provider verification runs as its own target (`nx verify order-service`), after the consumers wrote their pacts.
  testPathIgnorePatterns: ['/node_modules/', '\\.pact-verify\\.spec\\.ts$', '\\.pact\\.spec\\.ts$'],
};
