import type { OrderPlacementFacts } from '../orders/order.repository';
import { aReservationId } from './a-reservation-id';

/** What `OrderPlacement` hands the repository: a fresh reservation, and `idempotencyKey` when given. */
export function placed(idempotencyKey?: string): OrderPlacementFacts {
  return { reservationId: aReservationId(), ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
}
