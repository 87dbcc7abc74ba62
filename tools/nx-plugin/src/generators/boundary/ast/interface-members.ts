import * as ts from 'typescript';
import { compactText, findAll, insertAt, UnplaceableEditError } from './source-file';

/** The interface `name` declared in `source`, or a refusal naming the file. */
export function interfaceNamed(source: ts.SourceFile, name: string): ts.InterfaceDeclaration {
  const found = findAll(source, ts.isInterfaceDeclaration).find((node) => node.name.text === name);
  if (found === undefined) throw new UnplaceableEditError(source.fileName, `interface ${name}`);
  return found;
}

/** `content` with `member` (its TSDoc on the lines before it) added as the last member of `declaration`. */
export function appendMember(content: string, declaration: ts.InterfaceDeclaration, member: string): string {
  const last = declaration.members[declaration.members.length - 1];
  const close = declaration.getEnd() - 1;
  const body = content.slice(declaration.getStart(), declaration.getEnd());
  const indent = /\{[^\n]*\n(?:[ \t]*\n)*([ \t]*)\S/.exec(body)?.[1] ?? '  ';
  const lines = member.split('\n').map((line) => `${indent}${line}`).join('\n');
  if (last === undefined) return insertAt(content, close, `\n${lines}\n`);
  return insertAt(content, last.getEnd(), `\n${lines}`);
}

/**
 * `content` with `'key'` in the union of the `Pick<base, ...>` that `declaration` extends; unchanged when it is there,
 * `undefined` when the interface extends no such Pick.
 */
export function withPickedKey(content: string, declaration: ts.InterfaceDeclaration, base: string, key: string): string | undefined {
  const pick = (declaration.heritageClauses ?? [])
    .flatMap((clause) => [...clause.types])
    .find((type) => compactText(type.expression) === 'Pick' && type.typeArguments?.[0] !== undefined && compactText(type.typeArguments[0]) === base);
  const keys = pick?.typeArguments?.[1];
  if (keys === undefined) return undefined;
  if (keys.getText().includes(`'${key}'`)) return content;
  // Beside the first key, where the options' own keys begin (`'serviceToken' | 'a' | 'b'`).
  const first = ts.isUnionTypeNode(keys) ? keys.types[0] : keys;
  return insertAt(content, first.getEnd(), ` | '${key}'`);
}
