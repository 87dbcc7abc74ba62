module.exports = {
  displayName: 'user-service',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/user-service',
  // Consumer contract tests write pacts/ and run as their own target (`nx contract user-service`).
  testPathIgnorePatterns: ['/node_modules/', '\\.pact(-verify)?\\.spec\\.ts$'],
};
