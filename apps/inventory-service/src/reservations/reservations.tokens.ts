/** The reaper's `ReservationHoldOptions`: how long a hold lasts unconfirmed, how often expired ones are released. */
export const RESERVATION_HOLD_OPTIONS = Symbol('RESERVATION_HOLD_OPTIONS');
