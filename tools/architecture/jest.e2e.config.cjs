module.exports = {
  displayName: 'architecture-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.scratch-clone.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
