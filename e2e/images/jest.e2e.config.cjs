module.exports = {
  displayName: 'images-e2e',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/e2e/images',
  // Installs three services' production dependencies and starts them: minutes on a loaded 2-core machine.
  testTimeout: 600_000,
};
