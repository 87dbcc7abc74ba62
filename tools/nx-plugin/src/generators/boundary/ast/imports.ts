import * as ts from 'typescript';
import { insertAt, parseSource } from './source-file';

/** Whether `source` imports `name` (as a value or a type) from anywhere. */
export function importsName(source: ts.SourceFile, name: string): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === name),
  );
}

/** The module specifier `source` imports `name` from, if it does. */
export function importPathOf(source: ts.SourceFile, name: string): string | undefined {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => element.name.text === name)) {
      return statement.moduleSpecifier.text;
    }
    if (statement.importClause?.name?.text === name) return statement.moduleSpecifier.text;
  }
  return undefined;
}

/**
 * `content` importing `name` from `from`, as Nx's `insertImport` does: joined to an import of the same module when
 * there is one (a value binding never joins an `import type`), else a new import after the last one. Unchanged when
 * the name is imported already.
 */
export function withNamedImport(path: string, content: string, name: string, from: string, typeOnly = false): string {
  const source = parseSource(path, content);
  if (importsName(source, name)) return content;
  const imports = source.statements.filter(ts.isImportDeclaration);
  const same = imports.find(
    (statement) =>
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === from &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      (typeOnly || !statement.importClause.isTypeOnly),
  );
  const binding = typeOnly && !same?.importClause?.isTypeOnly ? `type ${name}` : name;
  if (same) {
    const named = same.importClause?.namedBindings as ts.NamedImports;
    const last = named.elements[named.elements.length - 1];
    if (last === undefined) return insertAt(content, named.getStart() + 1, ` ${binding} `);
    const multiLine = content.slice(named.getStart(), named.getEnd()).includes('\n');
    const indent = multiLine ? (/\n([ \t]*)\S/.exec(content.slice(named.getStart(), named.getEnd()))?.[1] ?? '  ') : '';
    // In alphabetical place, as the import's names usually are; else last.
    const next = named.elements.find((element) => element.name.text.toLowerCase() > name.toLowerCase());
    if (next) return insertAt(content, next.getStart(), multiLine ? `${binding},\n${indent}` : `${binding}, `);
    return insertAt(content, last.getEnd(), multiLine ? `,\n${indent}${binding}` : `, ${binding}`);
  }
  const statement = `import ${typeOnly ? 'type ' : ''}{ ${name} } from '${from}';`;
  const lastImport = imports[imports.length - 1];
  return lastImport === undefined ? `${statement}\n${content}` : insertAt(content, lastImport.getEnd(), `\n${statement}`);
}
