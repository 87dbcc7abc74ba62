import { OrderIdSchema } from '@boundary/order-contract';
import { z } from 'zod';
import { InvalidCursorError } from './invalid-cursor.error';

const CursorSchema = z.strictObject({ after: OrderIdSchema });

/**
 * The opaque `?cursor=` of a user's history: base64url JSON naming the last order of the previous page. Keyset
 * pagination on (created_at, id) from that order means no gaps or repeats while new orders arrive.
 */
export function encodeOrderCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

/** The order id inside a cursor; throws {@link InvalidCursorError} for anything {@link encodeOrderCursor} did not make. */
export function decodeOrderCursor(cursor: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError('not base64url');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor this service issued');
  }
  const parsed = CursorSchema.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError('not a cursor this service issued');
  return parsed.data.after;
}
