import * as ts from 'typescript';
import { insertAt, propertyOf } from './source-file';

/**
 * `content` with the property `text` (`name: value`) added to `object` (a node of `content`'s syntax tree) after its
 * last property, in the layout the object has: on its line when it is on one, else on a line of its own.
 */
export function appendProperty(content: string, object: ts.ObjectLiteralExpression, text: string): string {
  const last = object.properties[object.properties.length - 1];
  const body = content.slice(object.getStart(), object.getEnd());
  if (last === undefined) return insertAt(content, object.getStart() + 1, body.includes('\n') ? `\n  ${text},\n` : ` ${text} `);
  const at = object.properties.hasTrailingComma ? content.indexOf(',', last.getEnd()) + 1 : last.getEnd();
  const comma = object.properties.hasTrailingComma ? '' : ',';
  if (!body.includes('\n')) return insertAt(content, at, `${comma} ${text}`);
  const indent = /\n([ \t]*)\S/.exec(body)?.[1] ?? '  ';
  // A multi-line property (a comment above it, a chained value) keeps its lines' relative indentation.
  const lines = text.split('\n').join(`\n${indent}`);
  return insertAt(content, at, `${comma}\n${indent}${lines}${object.properties.hasTrailingComma ? ',' : ''}`);
}

/**
 * `content` with the property `text` added to `object` right after its property `after` (kept beside the properties
 * it belongs with), or after its last one when it has no such property.
 */
export function insertPropertyAfter(content: string, object: ts.ObjectLiteralExpression, after: ts.ObjectLiteralElementLike | undefined, text: string): string {
  if (after === undefined || after === object.properties[object.properties.length - 1]) return appendProperty(content, object, text);
  const body = content.slice(object.getStart(), object.getEnd());
  const at = content.indexOf(',', after.getEnd()) + 1;
  if (!body.includes('\n')) return insertAt(content, at, ` ${text},`);
  const indent = /\n([ \t]*)\S/.exec(body)?.[1] ?? '  ';
  return insertAt(content, at, `\n${indent}${text.split('\n').join(`\n${indent}`)},`);
}

/** `appendProperty` unless `object` has a property of that name already (then `content` as it is). */
export function withProperty(content: string, object: ts.ObjectLiteralExpression, name: string, value: string): string {
  return propertyOf(object, name) ? content : appendProperty(content, object, `${name}: ${value}`);
}
