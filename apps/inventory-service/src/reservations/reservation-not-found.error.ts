import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';

/**
 * No reservation to release: the id was never issued (`RESERVATION_NOT_FOUND`) or its reservation was released
 * already (`RESERVATION_RELEASED`). Answered `404`; nothing goes back to stock.
 */
export class ReservationNotFoundError extends Error {
  readonly code: (typeof INVENTORY_ERROR_CODES)['reservationNotFound' | 'reservationReleased'];

  constructor(
    readonly reservationId: string,
    readonly released: boolean,
  ) {
    super(released ? `Reservation ${reservationId} was already released` : `Unknown reservation ${reservationId}`);
    this.name = 'ReservationNotFoundError';
    this.code = released ? INVENTORY_ERROR_CODES.reservationReleased : INVENTORY_ERROR_CODES.reservationNotFound;
  }
}
