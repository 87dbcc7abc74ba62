// `nx fuzz inventory-service`: the property tests with 10,000 generated inputs each (npm test runs a few hundred).
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'inventory-service:fuzz',
  testMatch: ['<rootDir>/src/**/*.property.spec.ts'],
  setupFiles: ['<rootDir>/../../jest.fuzz.setup.cjs'],
  testTimeout: 900_000,
};
