import * as ts from 'typescript';

/**
 * A refusal to edit a file of the app: names the file and what the generator looked for in it, so the user can bring
 * the file to a shape it understands or wire the boundary by hand.
 */
export class UnplaceableEditError extends Error {
  constructor(file: string, lookedFor: string) {
    super(`${file}: found no ${lookedFor}, so the boundary cannot be wired there (wire it by hand, or bring the file to that shape).`);
    this.name = 'UnplaceableEditError';
  }

  /** The refusal for a file the app does not have: `why` says what the generator needed it for. */
  static missing(file: string, why: string): UnplaceableEditError {
    const error = new UnplaceableEditError(file, '');
    error.message = `${file} does not exist: ${why}.`;
    return error;
  }
}

/** `content` parsed as TypeScript (JavaScript files parse too: the syntax the edits look for is the same). */
export function parseSource(path: string, content: string): ts.SourceFile {
  return ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every node under `root` (depth first, in source order) that `test` accepts. */
export function findAll<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return found;
}

/** `content` with `text` inserted at `at`. */
export function insertAt(content: string, at: number, text: string): string {
  return `${content.slice(0, at)}${text}${content.slice(at)}`;
}

/** The property `name` of an object literal (a plain `name: value` one), if it has it. */
export function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find(
    (property): property is ts.PropertyAssignment =>
      ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name,
  );
}

/** The expression under any `as`, `satisfies`, `!` or parentheses around it. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The initializer of the variable `name` declared in `source` (anywhere), if it has one. */
export function initializerOf(source: ts.SourceFile, name: string): ts.Expression | undefined {
  const declaration = findAll(source, ts.isVariableDeclaration).find((d) => ts.isIdentifier(d.name) && d.name.text === name);
  return declaration?.initializer === undefined ? undefined : unwrap(declaration.initializer);
}

/** A node's source text without whitespace, to compare an expression however it is laid out (`z\n  .object`). */
export function compactText(node: ts.Node): string {
  return node.getText().replace(/\s+/g, '');
}
