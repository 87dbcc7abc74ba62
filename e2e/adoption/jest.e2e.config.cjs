module.exports = {
  displayName: 'adoption-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Creating a workspace, installing it and running every target in it takes minutes on a 2-core machine.
  testTimeout: 1_800_000,
};
