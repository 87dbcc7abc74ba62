import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  // Bench scripts are command-line tools: printing their tables is their job, and they drive the test doubles.
  { files: ['**/*.ts', '**/*.mjs'], rules: { 'no-console': 'off', 'no-restricted-imports': 'off' } },
];
