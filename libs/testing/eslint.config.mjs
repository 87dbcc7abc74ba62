import baseConfig, { publishedPackage } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  ...publishedPackage,
  // The kit is test code through and through (type:testing): Nest's own testing module is its to use.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];
