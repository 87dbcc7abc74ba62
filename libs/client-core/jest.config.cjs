module.exports = {
  displayName: 'client-core',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/client-core',
};
