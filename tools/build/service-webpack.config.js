const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join, relative } = require('path');

/**
 * Every service's webpack configuration: `apps/<name>/webpack.config.js` calls this with its own folder. Two bundles
 * for Node, main.js and the tracing.js preloaded before it; its dependencies stay outside (the generated package.json lists them for `npm ci --omit=dev`,
 * as the service's Dockerfile does); with `migrations`, the Drizzle migrations travel beside main.js, where
 * `--migrate-only` and start-up read them.
 */
module.exports = function serviceWebpackConfig(appDir, { migrations = false } = {}) {
  const appRoot = relative(join(__dirname, '../..'), appDir);
  return {
    output: {
      path: join(__dirname, '../../dist', appRoot),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && {
        devtoolModuleFilenameTemplate: '[absolute-resource-path]',
      }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        // tracing.js beside main.js: preloaded with `node --require` so OpenTelemetry patches modules before Nest loads them.
        additionalEntryPoints: [{ entryName: 'tracing', entryPath: './src/tracing.ts' }],
        tsConfig: './tsconfig.app.json',
        assets: migrations ? [{ input: './migrations', glob: '**/*', output: 'migrations' }] : [],
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
