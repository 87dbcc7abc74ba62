import type { Reservation } from '@boundary/inventory-contract';

/** How `reserve` makes its POST safe to repeat. */
export interface ReserveOptions {
  /** Sent as `Idempotency-Key` (1–255 printable ASCII characters): a repeat with it never reserves twice. */
  idempotencyKey: string;
}

/** The answer of `reserve`: the reservation, and whether this call made it (`false`: a repeat of an earlier one). */
export interface MadeReservation {
  reservation: Reservation;
  created: boolean;
}
