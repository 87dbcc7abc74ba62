import * as ts from 'typescript';

const MAX_LINE = 120;

/** Whether `array` already lists `entry` (compared without whitespace). */
export function listsEntry(array: ts.ArrayLiteralExpression, entry: string): boolean {
  const bare = (text: string) => text.replace(/\s+/g, '');
  return array.elements.some((element) => bare(element.getText()) === bare(entry));
}

/**
 * `content` with `entry` appended to `array` (a node of `content`'s syntax tree), laid out as a formatter would: on
 * the array's line while it fits in 120 characters, else one element a line with the elements' indentation. A
 * workspace with Prettier or oxfmt reformats it anyway (`formatFiles`); one without gets readable code.
 */
export function appendToArrayLiteral(content: string, array: ts.ArrayLiteralExpression, entry: string): string {
  const open = array.getStart();
  const close = array.getEnd() - 1;
  const inside = content.slice(open + 1, close);
  const items = array.elements.map((element) => element.getText());
  if (!inside.includes('\n')) {
    const lineStart = content.lastIndexOf('\n', open) + 1;
    const lineEnd = content.indexOf('\n', close);
    const joined = [...items, entry].join(', ');
    const before = content.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const line = `${content.slice(lineStart, open + 1)}${joined}${content.slice(close, lineEnd < 0 ? undefined : lineEnd)}`;
    // A line already past the limit was not laid out by a formatter (a file on one line): it stays as it is.
    if (line.length <= MAX_LINE || before.length > MAX_LINE) return `${content.slice(0, open + 1)}${joined}${content.slice(close)}`;
    const indent = /^[ \t]*/.exec(content.slice(lineStart))?.[0] ?? '';
    const lines = [...items, entry].map((item) => `${indent}  ${item},\n`).join('');
    return `${content.slice(0, open + 1)}\n${lines}${indent}${content.slice(close)}`;
  }
  const closingLineStart = content.lastIndexOf('\n', close) + 1;
  const closingIndent = /^[ \t]*/.exec(content.slice(closingLineStart))?.[0] ?? '';
  const itemIndent = /\n([ \t]*)\S/.exec(inside)?.[1] ?? `${closingIndent}  `;
  if (items.length === 0) return `${content.slice(0, open + 1)}\n${itemIndent}${entry},\n${closingIndent}${content.slice(close)}`;
  const last = array.elements[array.elements.length - 1];
  // After the last element and its trailing comma, if it has one.
  const hasTrailingComma = array.elements.hasTrailingComma;
  const at = hasTrailingComma ? content.indexOf(',', last.getEnd()) + 1 : last.getEnd();
  return `${content.slice(0, at)}${hasTrailingComma ? '' : ','}\n${itemIndent}${entry},${content.slice(at)}`;
}
