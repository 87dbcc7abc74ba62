import baseConfig from '../../eslint.config.mjs';

// Benchmarks and end-to-end suites are test code: they may use the test doubles.
export default [...baseConfig, { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off' } }];
