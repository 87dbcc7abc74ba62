import * as ts from 'typescript';
import { appendToArrayLiteral } from './ast/array-literal';
import { findAll, parseSource, propertyOf, UnplaceableEditError, unwrap } from './ast/source-file';

const FILE = 'eslint.config.mjs';

/** The `depConstraints` array of `@nx/enforce-module-boundaries` in the root ESLint config. */
function depConstraints(source: ts.SourceFile): ts.ArrayLiteralExpression {
  const property = findAll(source, ts.isPropertyAssignment).find((node) => node.name.getText() === 'depConstraints');
  const array = property === undefined ? undefined : unwrap(property.initializer);
  if (array === undefined || !ts.isArrayLiteralExpression(array)) throw new UnplaceableEditError(FILE, 'depConstraints: [ ... ] array literal');
  return array;
}

/** The rule of `scope:<scope>` in `depConstraints`, if it has one. */
function ruleOf(array: ts.ArrayLiteralExpression, scope: string): ts.ObjectLiteralExpression | undefined {
  return array.elements.filter(ts.isObjectLiteralExpression).find((rule) => {
    const tag = propertyOf(rule, 'sourceTag')?.initializer;
    return tag !== undefined && ts.isStringLiteralLike(tag) && tag.text === `scope:${scope}`;
  });
}

/**
 * The root ESLint config with the consumer's scope allowed to depend on the provider's (its rule widened, or added),
 * and a rule of the provider's own scope when it has none.
 */
export function withScopeRules(content: string, provider: string, consumer: string): string {
  let out = content;
  const rule = ruleOf(depConstraints(parseSource(FILE, out)), consumer);
  const allowed = rule === undefined ? undefined : unwrap(propertyOf(rule, 'onlyDependOnLibsWithTags')?.initializer ?? rule);
  if (allowed !== undefined && ts.isArrayLiteralExpression(allowed)) {
    const tags = allowed.elements.map((element) => element.getText());
    if (!tags.includes(`'scope:${provider}'`)) {
      const widened = [...tags.filter((tag) => tag !== "'scope:shared'"), `'scope:${provider}'`, "'scope:shared'"];
      out = `${out.slice(0, allowed.getStart())}[${widened.join(', ')}]${out.slice(allowed.getEnd())}`;
    }
  } else if (rule === undefined) {
    const entry = `{ sourceTag: 'scope:${consumer}', onlyDependOnLibsWithTags: ['scope:${consumer}', 'scope:${provider}', 'scope:shared'] }`;
    out = appendToArrayLiteral(out, depConstraints(parseSource(FILE, out)), entry);
  }
  const constraints = depConstraints(parseSource(FILE, out));
  if (ruleOf(constraints, provider) === undefined) {
    out = appendToArrayLiteral(out, constraints, `{ sourceTag: 'scope:${provider}', onlyDependOnLibsWithTags: ['scope:${provider}', 'scope:shared'] }`);
  }
  return out;
}
