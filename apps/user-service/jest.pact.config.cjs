module.exports = {
  displayName: 'user-service:contract',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.pact.spec.ts', '<rootDir>/src/**/*.pact-verify.spec.ts'],
  testTimeout: 30_000,
};
