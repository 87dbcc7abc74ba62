module.exports = {
  displayName: 'deploy-safety',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/deploy-safety',
  // Diffing OpenAPI documents and verifying stand-in pacts in git repositories take seconds each on a busy 2-core machine.
  testTimeout: 60_000,
};
