module.exports = {
  displayName: 'packages',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/packages',
};
