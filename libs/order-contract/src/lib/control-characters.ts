// C0 controls, DEL and C1 controls: they have no business in ids or names, break logs and proxies, and
// PostgreSQL cannot store NUL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether `text` holds a control character (C0, DEL or C1). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
