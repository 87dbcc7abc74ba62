import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';

/** A release of a reservation whose units were shipped: they cannot go back to stock. Answered `409 RESERVATION_SHIPPED`. */
export class ReservationShippedError extends Error {
  readonly code = INVENTORY_ERROR_CODES.reservationShipped;

  constructor(readonly reservationId: string) {
    super(`Reservation ${reservationId} was shipped: its units cannot go back to stock`);
    this.name = 'ReservationShippedError';
  }
}
