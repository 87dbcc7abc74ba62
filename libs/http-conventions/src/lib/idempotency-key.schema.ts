import { z } from 'zod';

/** Longest `Idempotency-Key` a service accepts. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The characters an `Idempotency-Key` may hold — printable ASCII without the space, `!` (U+0021) to `~` (U+007E) — as
 * one regular-expression character class that JavaScript and PostgreSQL read alike (the Order Service's CHECK
 * constraint uses the same string).
 */
export const IDEMPOTENCY_KEY_CHARACTER_CLASS = '[\\u0021-\\u007e]';

/**
 * The `Idempotency-Key` header of every idempotent create route (`POST /orders`, `POST /reservations`): 1–255
 * printable ASCII characters without spaces. The same key with the same body answers what the first request created
 * (`200`); with a different body, `409`. Being ASCII, its length in UTF-16 units is its length in code points.
 */
export const IdempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .regex(new RegExp(`^${IDEMPOTENCY_KEY_CHARACTER_CLASS}+$`), 'must be printable ASCII without spaces');
