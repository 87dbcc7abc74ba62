module.exports = {
  displayName: 'order-contract',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/order-contract',
};
