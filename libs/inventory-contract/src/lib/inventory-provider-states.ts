import { providerState } from '@boundary/http-conventions';

/**
 * The provider states the Inventory Service's consumers may give an interaction, each written once: a consumer's
 * pact spec names them with their parameters, the Inventory Service's verification seeds each through a handler map
 * keyed by the same names (`@boundary/testing/pact`'s `providerStateHandlers`), so a misspelt or missing state does
 * not compile.
 */
export const INVENTORY_PROVIDER_STATES = {
  /** The inventory holds `count` units of `item` (`0`: a known item, sold out). */
  itemHasStock: providerState<{ item: string; count: number }>('item {item} has {count} in stock'),
  /** The inventory does not stock `item`. */
  itemIsNotStocked: providerState<{ item: string }>('item {item} is not in the inventory'),
  /** Reservation `reservationId` of `quantity` units of `item` exists (made under Idempotency-Key `key`, if given). */
  reservationExists: providerState<{ reservationId: string; item: string; quantity: number; key?: string }>(
    'reservation {reservationId} of {quantity} {item} exists',
  ),
  /** Reservation `reservationId` of `quantity` units of `item` is confirmed (its order committed), not shipped yet. */
  reservationIsConfirmed: providerState<{ reservationId: string; item: string; quantity: number }>(
    'reservation {reservationId} of {quantity} {item} is confirmed',
  ),
  /** Reservation `reservationId`'s hold expired unconfirmed (its units went back to stock); `count` units are left. */
  holdHasExpired: providerState<{ reservationId: string; item: string; quantity: number; count: number }>(
    'reservation {reservationId} of {quantity} {item} expired unconfirmed and {count} are in stock',
  ),
} as const;
