import { IdempotencyKeyReusedError, isDatabaseUnavailable, type HttpProblem } from '@boundary/service-kit';
import { inventoryProblem } from './inventory.problem';
import { InvalidCursorError } from './invalid-cursor.error';

/** The Order Service's own errors as HTTP answers; anything else is left to the JSON error filter's defaults. */
export function ordersProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof InvalidCursorError) return { status: 400, error: error.message, code: error.code };
  if (error instanceof IdempotencyKeyReusedError) return { status: 409, error: error.message, code: error.code };
  // First: an inventory that refused the connection must not pass for the database (both carry ECONNREFUSED).
  const inventory = inventoryProblem(error);
  if (inventory !== undefined) return inventory;
  if (isDatabaseUnavailable(error)) {
    return { status: 503, error: 'Database unavailable, try again later', code: 'DATABASE_UNAVAILABLE' };
  }
  return undefined;
}
