import { INVENTORY_ERROR_CODES, type ReservationState } from '@boundary/inventory-contract';

/** A shipment of a reservation that is not confirmed (held or released): nothing ships. Answered `409 RESERVATION_NOT_CONFIRMED`. */
export class ReservationNotConfirmedError extends Error {
  readonly code = INVENTORY_ERROR_CODES.reservationNotConfirmed;

  constructor(
    readonly reservationId: string,
    readonly state: ReservationState,
  ) {
    super(`Reservation ${reservationId} is ${state}, not confirmed: nothing was shipped`);
    this.name = 'ReservationNotConfirmedError';
  }
}
