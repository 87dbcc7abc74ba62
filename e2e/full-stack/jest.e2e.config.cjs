module.exports = {
  displayName: 'full-stack-e2e',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/e2e/full-stack',
  testTimeout: 120_000,
};
