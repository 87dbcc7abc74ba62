module.exports = {
  displayName: 'inventory-contract',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/inventory-contract',
};
