// The floor file's own Jest project: the workspace preset (same swc transform and resolver as every service), nothing
// else. Named so @nx/jest's plugin infers no test target from it: it is a baseline for bench:test-loop, not a suite.
module.exports = {
  displayName: 'test-loop-floor',
  preset: '../../jest.preset.js',
};
