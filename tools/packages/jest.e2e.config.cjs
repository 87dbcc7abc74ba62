module.exports = {
  displayName: 'packages-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Packing five packages and running publint and attw on each: about a minute on a busy 2-core machine.
  testTimeout: 300_000,
};
