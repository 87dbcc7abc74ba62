import baseConfig, { publishedPackage } from '../../eslint.config.mjs';
import jsoncParser from 'jsonc-eslint-parser';

export default [
  ...baseConfig,
  ...publishedPackage,
  // generators.json names factories and schemas that exist.
  {
    files: ['**/package.json', '**/generators.json'],
    languageOptions: { parser: jsoncParser },
    rules: { '@nx/nx-plugin-checks': 'error' },
  },
];
