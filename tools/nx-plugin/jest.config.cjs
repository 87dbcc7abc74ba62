module.exports = {
  displayName: 'nx-plugin',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/nx-plugin',
};
