import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';

/**
 * A confirmation of a hold that was released (it expired unconfirmed, or was released) while fewer units are left
 * than it held: nothing is reserved, the reservation stays released. Answered `409 HOLD_EXPIRED`.
 */
export class HoldExpiredError extends Error {
  readonly code = INVENTORY_ERROR_CODES.holdExpired;

  constructor(
    readonly reservationId: string,
    readonly item: string,
    readonly quantity: number,
  ) {
    super(`Reservation ${reservationId} was released before it was confirmed, and fewer than ${quantity} "${item}" are left to reserve again`);
    this.name = 'HoldExpiredError';
  }
}
