import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  // Bench scripts are command-line tools: printing their tables is their job.
  { files: ['**/*.ts', '**/*.mjs'], rules: { 'no-console': 'off' } },
];
