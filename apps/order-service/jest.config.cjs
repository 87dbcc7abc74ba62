module.exports = {
  displayName: 'order-service',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/order-service',
};
