module.exports = {
  displayName: 'order-service:contract',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.pact.spec.ts'],
  testTimeout: 30_000,
};
