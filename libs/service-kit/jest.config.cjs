module.exports = {
  displayName: 'service-kit',
  preset: '../../jest.pglite.preset.js',
  coverageDirectory: '../../coverage/libs/service-kit',
  // openServiceDatabase's tests start PGlite, which boots in seconds on a busy machine.
  testTimeout: 60_000,
};
