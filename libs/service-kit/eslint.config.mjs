import baseConfig, { publishedPackage } from '../../eslint.config.mjs';

export default [...baseConfig, ...publishedPackage];
