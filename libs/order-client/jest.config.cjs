module.exports = {
  displayName: 'order-client',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/order-client',
};
