import { isDotSegment } from './dot-segment';
import { hasControlCharacters } from './control-characters';
import { boundedTextSchema } from './text-length';

/**
 * An id as the services accept it in a path: 1–`maxLength` characters (code points, see `codePointLength`), no
 * control characters, not `.` or `..`. Anything else printable is allowed (`a/b`, `x?y`, `a..b`, `%`, unicode) —
 * clients percent-encode it as a single path segment. Messages name the id, e.g.
 * `user id must be at most 128 characters`.
 */
export function identifierSchema(what: string, maxLength: number) {
  return boundedTextSchema(maxLength, {
    empty: `${what} must not be empty`,
    tooLong: `${what} must be at most ${maxLength} characters`,
  })
    .refine((id) => !hasControlCharacters(id), `${what} must not contain control characters`)
    .refine((id) => !isDotSegment(id), `${what} must not be "." or ".." (URLs read them as path navigation)`);
}
