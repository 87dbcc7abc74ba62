module.exports = {
  displayName: 'nx-plugin-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Generating, linting, type-checking, testing and building a service takes minutes on a busy 2-core machine: the
  // boundary spec's file took 1,009 s in CI's e2e group on 2026-12-07 (486 s the day before), its longest test near
  // the 600 s this once allowed.
  testTimeout: 900_000,
};
