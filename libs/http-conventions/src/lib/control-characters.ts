/**
 * The control characters — C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F) — as one regular-expression
 * character class, written so that JavaScript and PostgreSQL read it alike (`\uXXXX` escapes in a bracket
 * expression): the contract tests text with it, and the Order Service's CHECK constraints use the same string.
 * They have no business in ids or names, break logs and proxies, and PostgreSQL cannot store NUL.
 */
export const CONTROL_CHARACTER_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f]';

const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER_CLASS);

/** Whether `text` holds a control character (C0, DEL or C1). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
