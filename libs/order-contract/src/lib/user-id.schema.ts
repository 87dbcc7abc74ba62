import { z } from 'zod';
import { hasControlCharacters } from './control-characters';

/** Longest user id either service accepts. */
export const MAX_USER_ID_LENGTH = 128;

/**
 * A user id as both services accept it: 1–128 characters, no control characters. Anything else printable is
 * allowed (`a/b`, `x?y`, `..`, `%`, unicode) — the client percent-encodes it as a single path segment.
 */
export const UserIdSchema = z
  .string()
  .min(1, 'user id must not be empty')
  .max(MAX_USER_ID_LENGTH, `user id must be at most ${MAX_USER_ID_LENGTH} characters`)
  .refine((id) => !hasControlCharacters(id), 'user id must not contain control characters');

export type UserId = z.infer<typeof UserIdSchema>;
