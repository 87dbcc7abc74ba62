module.exports = {
  displayName: 'inventory-client',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/inventory-client',
};
