import * as ts from 'typescript';
import { compactText, findAll, parseSource, propertyOf, UnplaceableEditError, unwrap } from './source-file';
import { appendToArrayLiteral, listsEntry } from './array-literal';
import { appendProperty } from './object-literal';

/**
 * Where a Nest module class declares its metadata: the object of its `@Module({...})` decorator, or — for a root
 * module started as `X.forRoot(...)` — the `DynamicModule` object its static `method` returns.
 */
export interface ModuleMetadata {
  object: ts.ObjectLiteralExpression;
  /** The static method returning it, when it is a dynamic module's. */
  method?: ts.MethodDeclaration;
}

/** The metadata of the class `className` in `source`: its `method`'s returned object if named, else its decorator's. */
export function moduleMetadata(source: ts.SourceFile, className: string, method?: string): ModuleMetadata {
  const file = source.fileName;
  const declaration = findAll(source, ts.isClassDeclaration).find((node) => node.name?.text === className);
  if (declaration === undefined) throw new UnplaceableEditError(file, `class ${className}`);
  if (method !== undefined) {
    const found = declaration.members.find(
      (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === method,
    );
    const returned = found?.body?.statements
      .filter(ts.isReturnStatement)
      .map((statement) => (statement.expression ? unwrap(statement.expression) : undefined))
      .find((expression): expression is ts.ObjectLiteralExpression => expression !== undefined && ts.isObjectLiteralExpression(expression));
    if (found === undefined || returned === undefined) {
      throw new UnplaceableEditError(file, `static ${method}() in ${className} returning a DynamicModule object literal`);
    }
    return { object: returned, method: found };
  }
  const decorator = (ts.getDecorators(declaration) ?? [])
    .map((node) => node.expression)
    .find((expression): expression is ts.CallExpression => ts.isCallExpression(expression) && compactText(expression.expression) === 'Module');
  const argument = decorator?.arguments[0];
  if (argument === undefined || !ts.isObjectLiteralExpression(argument)) {
    throw new UnplaceableEditError(file, `@Module({ ... }) on ${className}`);
  }
  return { object: argument };
}

/**
 * `content` (the file `path`) with `entry` in the `property` list (`imports`, `controllers`, `providers`) of the
 * module class `className` — in its `method`'s returned DynamicModule when named, else in its `@Module` metadata —
 * the list created when the module has none. Unchanged when the list holds the entry already.
 */
export function withModuleEntry(
  path: string,
  content: string,
  { className, method }: { className: string; method?: string },
  property: 'imports' | 'controllers' | 'providers',
  entry: string,
): string {
  const { object } = moduleMetadata(parseSource(path, content), className, method);
  const list = propertyOf(object, property);
  if (list === undefined) return appendProperty(content, object, `${property}: [${entry}]`);
  const array = unwrap(list.initializer);
  if (!ts.isArrayLiteralExpression(array)) throw new UnplaceableEditError(path, `${property}: [...] array literal in ${className}`);
  return listsEntry(array, entry) ? content : appendToArrayLiteral(content, array, entry);
}
