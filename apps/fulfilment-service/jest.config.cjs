module.exports = {
  displayName: 'fulfilment-service',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/fulfilment-service',
  // Pact specs run as their own targets: `nx contract` (a consumer's) and `nx verify` (a provider's).
  testPathIgnorePatterns: ['/node_modules/', '\\.pact\\.spec\\.ts$', '\\.pact-verify\\.spec\\.ts$'],
};
