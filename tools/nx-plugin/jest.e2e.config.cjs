module.exports = {
  displayName: 'nx-plugin-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Generating, linting, type-checking, testing and building a service takes minutes on a busy 2-core machine.
  testTimeout: 600_000,
};
