/**
 * Careful string edits of files another generator wrote. Each finds its anchor exactly once or throws
 * `UneditableFileError` naming the file and what it looked for, so the boundary generator can refuse before it writes.
 */
export class UneditableFileError extends Error {
  constructor(file: string, missing: string) {
    super(
      `${file} is not as the service generator writes it (no ${JSON.stringify(missing)}): only apps made by @boundary/nx-plugin:service can be wired.`,
    );
    this.name = 'UneditableFileError';
  }
}

function indexOfOnce(source: string, anchor: string, file: string): number {
  const at = source.indexOf(anchor);
  if (at < 0 || source.indexOf(anchor, at + 1) >= 0) throw new UneditableFileError(file, anchor.trim());
  return at;
}

/** `source` with `text` inserted right after the one occurrence of `anchor`. */
export function insertAfter(source: string, anchor: string, text: string, file: string): string {
  const at = indexOfOnce(source, anchor, file) + anchor.length;
  return `${source.slice(0, at)}${text}${source.slice(at)}`;
}

/** `source` with `text` inserted right before the one occurrence of `anchor`. */
export function insertBefore(source: string, anchor: string, text: string, file: string): string {
  const at = indexOfOnce(source, anchor, file);
  return `${source.slice(0, at)}${text}${source.slice(at)}`;
}

/** `source` with the one occurrence of `anchor` replaced by `replacement`. */
export function replaceOnce(source: string, anchor: string, replacement: string, file: string): string {
  const at = indexOfOnce(source, anchor, file);
  return `${source.slice(0, at)}${replacement}${source.slice(at + anchor.length)}`;
}

/**
 * `source` with `entry` appended to the array literal of `property` (`controllers: [A]` → `controllers: [A, B]`),
 * on one line when the array is, else on its own line before the closing bracket with the items' indentation.
 */
export function appendToArray(source: string, property: string, entry: string, file: string): string {
  const open = indexOfOnce(source, `${property}: [`, file) + `${property}: [`.length - 1;
  let depth = 0;
  let close = -1;
  for (let i = open; i < source.length && close < 0; i++) {
    if (source[i] === '[' || source[i] === '{' || source[i] === '(') depth++;
    if (source[i] === ']' || source[i] === '}' || source[i] === ')') depth--;
    if (depth === 0) close = i;
  }
  if (close < 0) throw new UneditableFileError(file, `${property}: [...]`);
  const inside = source.slice(open + 1, close);
  if (!inside.includes('\n')) {
    const items = [...topLevelItems(inside), entry];
    const lineStart = source.lastIndexOf('\n', open) + 1;
    const lineEnd = source.indexOf('\n', close);
    const oneLine = `${source.slice(lineStart, open + 1)}${items.join(', ')}${source.slice(close, lineEnd < 0 ? undefined : lineEnd)}`;
    if (oneLine.length <= MAX_LINE) return `${source.slice(0, open + 1)}${items.join(', ')}${source.slice(close)}`;
    // Too long for one line: one item a line, as a formatter would write it.
    const indent = /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
    const lines = items.map((item) => `${indent}  ${item},\n`).join('');
    return `${source.slice(0, open + 1)}\n${lines}${indent}${source.slice(close)}`;
  }
  const lastLineStart = source.lastIndexOf('\n', close) + 1;
  const closingIndent = source.slice(lastLineStart, close);
  const body = source.slice(open + 1, lastLineStart).replace(/,?\s*$/, '');
  const itemIndent = /\n([ \t]*)\S/.exec(inside)?.[1] ?? `${closingIndent}  `;
  return `${source.slice(0, open + 1)}${body}${body.trim() ? ',' : ''}\n${itemIndent}${entry},\n${closingIndent}${source.slice(close)}`;
}

const MAX_LINE = 120;

/** The items of an array literal's inside, split at its top-level commas. */
function topLevelItems(inside: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inside.length; i++) {
    const char = inside[i];
    if (char === '[' || char === '{' || char === '(') depth++;
    if (char === ']' || char === '}' || char === ')') depth--;
    if (i === inside.length || (char === ',' && depth === 0)) {
      const item = inside.slice(start, i).trim();
      if (item) items.push(item);
      start = i + 1;
    }
  }
  return items;
}
