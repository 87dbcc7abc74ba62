const base = require('./jest.config.cjs');

// Provider verification of the consumers' pacts: its own target (`nx verify inventory-service`), after their `contract`.
module.exports = {
  ...base,
  displayName: 'inventory-service:verify',
  testMatch: ['<rootDir>/src/**/*.pact-verify.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
