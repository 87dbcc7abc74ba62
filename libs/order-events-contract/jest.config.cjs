module.exports = {
  displayName: 'order-events-contract',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/order-events-contract',
};
