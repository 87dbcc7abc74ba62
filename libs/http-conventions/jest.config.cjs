module.exports = {
  displayName: 'http-conventions',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/http-conventions',
};
