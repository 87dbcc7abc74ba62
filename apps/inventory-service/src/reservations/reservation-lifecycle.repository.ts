import type { ReservationStatus } from '@boundary/inventory-contract';

/**
 * A reservation's moves along its lifecycle, held → confirmed → shipped, and the release of holds never confirmed.
 * Each move and its units' move between stock counters commit together, so an item's units always add up to what it
 * received. Implemented by `DrizzleReservationLifecycleRepository`.
 */
export abstract class ReservationLifecycleRepository {
  /**
   * Confirms a reservation (its order committed). Idempotent: a confirmed or shipped one is answered as it is. A held
   * one becomes confirmed; a released one (its hold expired, or it was released) reserves its units again and becomes
   * confirmed — or, with fewer units available, throws `HoldExpiredError` and stays released. Throws
   * `ReservationNotFoundError` for an id it never issued.
   */
  abstract confirm(reservationId: string): Promise<ReservationStatus>;

  /**
   * Ships a confirmed reservation: its units leave the stock for good. Idempotent: a shipped one is answered as it is.
   * Throws `ReservationNotConfirmedError` for one held or released (nothing ships), `ReservationNotFoundError` for an
   * id it never issued.
   */
  abstract ship(reservationId: string): Promise<ReservationStatus>;

  /**
   * Releases up to `limit` holds made more than `holdMs` milliseconds ago (by the database's clock) and still not
   * confirmed: their units go back to stock and their Idempotency-Keys are freed. Resolves to how many it released.
   * Instances sharing a database may run it at once: each takes holds the others have not locked.
   */
  abstract releaseExpiredHolds(holdMs: number, limit: number): Promise<number>;
}
