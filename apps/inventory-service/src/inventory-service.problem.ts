import { DeadlineExceededError, IdempotencyKeyReusedError, isDatabaseUnavailable, type HttpProblem } from '@boundary/service-kit';
import { HoldExpiredError } from './reservations/hold-expired.error';
import { OutOfStockError } from './reservations/out-of-stock.error';
import { ReservationNotConfirmedError } from './reservations/reservation-not-confirmed.error';
import { ReservationShippedError } from './reservations/reservation-shipped.error';
import { ReservationNotFoundError } from './reservations/reservation-not-found.error';
import { UnknownItemError } from './reservations/unknown-item.error';

/** The Inventory Service's own errors as HTTP answers; anything else is left to the JSON error filter's defaults. */
export function inventoryProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof OutOfStockError) return { status: 409, error: error.message, code: error.code };
  if (error instanceof DeadlineExceededError) return { status: 503, error: error.message, code: error.code };
  if (error instanceof UnknownItemError) return { status: 422, error: error.message, code: error.code };
  if (error instanceof ReservationNotFoundError) return { status: 404, error: error.message, code: error.code };
  if (error instanceof HoldExpiredError || error instanceof ReservationNotConfirmedError || error instanceof ReservationShippedError) {
    return { status: 409, error: error.message, code: error.code };
  }
  if (error instanceof IdempotencyKeyReusedError) return { status: 409, error: error.message, code: error.code };
  if (isDatabaseUnavailable(error)) {
    return { status: 503, error: 'Database unavailable, try again later', code: 'DATABASE_UNAVAILABLE' };
  }
  return undefined;
}
