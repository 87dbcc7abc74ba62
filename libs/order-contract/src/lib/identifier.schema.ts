import { z } from 'zod';
import { hasControlCharacters } from './control-characters';

/**
 * Whether `id` is `.` or `..`: no encoding can carry them as a path segment (WHATWG URL parsing, which axios uses,
 * reads `%2E%2E` as `..`), so neither the services nor the client accept them.
 */
export function isDotSegment(id: string): boolean {
  return id === '.' || id === '..';
}

/**
 * An id as the services accept it in a path: 1–`maxLength` characters, no control characters, not `.` or `..`.
 * Anything else printable is allowed (`a/b`, `x?y`, `a..b`, `%`, unicode) — clients percent-encode it as a single
 * path segment. Messages name the id, e.g. `user id must be at most 128 characters`.
 */
export function identifierSchema(what: string, maxLength: number) {
  return z
    .string()
    .min(1, `${what} must not be empty`)
    .max(maxLength, `${what} must be at most ${maxLength} characters`)
    .refine((id) => !hasControlCharacters(id), `${what} must not contain control characters`)
    .refine((id) => !isDotSegment(id), `${what} must not be "." or ".." (URLs read them as path navigation)`);
}
