module.exports = {
  displayName: 'nx-plugin',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/nx-plugin',
  // The end-to-end test runs as its own target (`nx e2e nx-plugin`): it generates and builds a service in a clone.
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.spec\\.ts$'],
};
