module.exports = {
  displayName: 'user-service:contract',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.pact.spec.ts', '<rootDir>/src/**/*.pact-verify.spec.ts'],
  testTimeout: 30_000,
  // Retries a test Pact's mock-server race failed (jest.pact.setup.cjs says which, and why a real failure still fails).
  setupFilesAfterEnv: ['<rootDir>/../../jest.pact.setup.cjs'],
};
