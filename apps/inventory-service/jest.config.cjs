module.exports = {
  displayName: 'inventory-service',
  preset: '../../jest.pglite.preset.js',
  coverageDirectory: '../../coverage/apps/inventory-service',
  // Every storage test starts a real database (PGlite boots in seconds on a busy machine); generous on purpose.
  testTimeout: 60_000,
  // Provider verification runs as its own target (`nx verify inventory-service`), after order-service's `contract`.
  testPathIgnorePatterns: ['/node_modules/', '\\.pact-verify\\.spec\\.ts$'],
};
