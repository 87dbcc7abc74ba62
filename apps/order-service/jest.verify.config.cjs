const base = require('./jest.config.cjs');

// Provider verification of the consumers' pacts: its own target (`nx verify order-service`), after `contract`.
module.exports = {
  ...base,
  displayName: 'order-service:verify',
  testMatch: ['<rootDir>/src/**/*.pact-verify.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
