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
