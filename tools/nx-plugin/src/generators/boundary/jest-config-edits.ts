import { parseJson, serializeJson } from '@nx/devkit';
import * as ts from 'typescript';
import { appendToArrayLiteral } from './ast/array-literal';
import { appendProperty } from './ast/object-literal';
import { compactText, findAll, parseSource, propertyOf, UnplaceableEditError, unwrap } from './ast/source-file';

/** The Jest config names an app may have, in the order the generator looks for them. */
export const JEST_CONFIGS = ['jest.config.cjs', 'jest.config.ts', 'jest.config.cts', 'jest.config.js'];

/**
 * A Jest config (`module.exports = {...}` or `export default {...}`) that leaves the files named like `sample` to their
 * own target: `pattern` (a regex source) joins its `testPathIgnorePatterns`, which it gets when it has none. Unchanged
 * when a pattern there ignores `sample` already.
 */
export function ignoringTests(path: string, content: string, pattern: string, sample: string, why: string): string {
  const source = parseSource(path, content);
  const config = exportedObject(source);
  if (config === undefined) throw new UnplaceableEditError(path, '`module.exports = { ... }` or `export default { ... }`');
  const literal = `'${pattern.replaceAll('\\', '\\\\')}'`;
  const ignored = propertyOf(config, 'testPathIgnorePatterns');
  if (ignored === undefined) return appendProperty(content, config, `// ${why}\ntestPathIgnorePatterns: ['/node_modules/', ${literal}]`);
  const array = unwrap(ignored.initializer);
  if (!ts.isArrayLiteralExpression(array)) throw new UnplaceableEditError(path, 'testPathIgnorePatterns: [ ... ] array literal');
  const covered = array.elements.some((element) => ts.isStringLiteralLike(element) && new RegExp(element.text).test(sample));
  return covered ? content : appendToArrayLiteral(content, array, literal);
}

function exportedObject(source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && ts.isObjectLiteralExpression(unwrap(statement.expression))) {
      return unwrap(statement.expression) as ts.ObjectLiteralExpression;
    }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
      const { left, right } = statement.expression;
      if (compactText(left) === 'module.exports' && ts.isObjectLiteralExpression(unwrap(right))) return unwrap(right) as ts.ObjectLiteralExpression;
    }
  }
  return findAll(source, ts.isObjectLiteralExpression).find((object) => propertyOf(object, 'displayName') !== undefined);
}

/**
 * How @nx/jest's inferred `test` target has ts-node read a Jest config written in TypeScript; the contract targets read
 * it the same way (a workspace of TypeScript project references otherwise refuses CommonJS under `nodenext`).
 */
export const TS_NODE_ENV = { TS_NODE_COMPILER_OPTIONS: JSON.stringify({ moduleResolution: 'node10', module: 'commonjs', customConditions: null }) };

/** The env a target running Jest with the config `jestConfig` needs: `TS_NODE_ENV` for a config in TypeScript. */
export const jestEnv = (jestConfig: string) => (/\.[cm]?ts$/.test(jestConfig) ? { env: TS_NODE_ENV } : {});

/**
 * An app's tsconfig.json as Jest needs it to read the app's config written in TypeScript (through ts-node, which takes
 * the nearest tsconfig.json) under TypeScript 6: TypeScript 6 includes no `@types` package unless told, so
 * `module.exports` in a jest.config.cts fails with `Cannot find name 'module'`, and it refuses the `node10` resolution
 * `TS_NODE_ENV` asks for unless its deprecation is acknowledged. Neither `test` nor the contract targets run otherwise
 * (as in the workspaces create-nx-workspace 23.2.1 makes today). `undefined` when nothing is needed.
 */
export function withNodeTypesForJest(jestConfig: string, tsconfig: string | undefined, typescriptVersion = ts.versionMajorMinor): string | undefined {
  if (tsconfig === undefined || !/\.[cm]?ts$/.test(jestConfig) || Number(typescriptVersion.split('.')[0]) < 6) return undefined;
  const json = parseJson<{ compilerOptions?: { types?: string[]; ignoreDeprecations?: string } }>(tsconfig);
  const types = json.compilerOptions?.types;
  const acknowledged = json.compilerOptions?.ignoreDeprecations !== undefined || !typescriptVersion.startsWith('6.');
  if (types?.includes('node') && acknowledged) return undefined;
  json.compilerOptions = {
    ...json.compilerOptions,
    types: types?.includes('node') ? types : [...(types ?? []), 'node'],
    ...(acknowledged ? {} : { ignoreDeprecations: '6.0' }),
  };
  return serializeJson(json);
}
