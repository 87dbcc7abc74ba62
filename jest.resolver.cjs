const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// The workspace's path aliases (`@boundary/order-client` → libs/order-client/src/index.ts), resolved by a lookup
// before Jest's own resolver. Not Nx's resolver, which loads TypeScript in every Jest worker (~150 ms of each worker's
// first test file); not `moduleNameMapper` either: @nx/jest's plugin turns every file a mapper names into an input of
// every project's test target, so a change to any library's barrel would make every project affected.
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(__dirname, target)]));

module.exports = (request, options) => options.defaultResolver(aliases.get(request) ?? request, options);
