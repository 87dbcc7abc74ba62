import type { z } from 'zod';
import { identifierSchema } from '@boundary/http-conventions';

/** Longest user id either service accepts. */
export const MAX_USER_ID_LENGTH = 128;

/**
 * A user id as both services accept it: 1–128 characters, no control characters, not `.` or `..`. Anything else
 * printable is allowed (`a/b`, `x?y`, `../x`, `%`, unicode) — the client percent-encodes it as a single path segment.
 */
export const UserIdSchema = identifierSchema('user id', MAX_USER_ID_LENGTH);

export type UserId = z.infer<typeof UserIdSchema>;
