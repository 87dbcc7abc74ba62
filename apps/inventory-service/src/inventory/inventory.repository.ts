import type { CreateReservationRequest, Item, ItemUnits, Reservation } from '@boundary/inventory-contract';

/** The outcome of {@link InventoryRepository.reserve}: the reservation, and whether this call made it. */
export interface ReservationOutcome {
  reservation: Reservation;
  /** `false` when an earlier request with the same idempotency key made it (nothing more was reserved). */
  created: boolean;
}

/**
 * Where the Inventory Service keeps its data. Controllers depend on this abstraction only, so storage can change
 * without touching the HTTP layer; each route adds the queries it needs here and in its implementation
 * (`DrizzleInventoryRepository`).
 */
export abstract class InventoryRepository {
  /** The item's stock, or `undefined` for an item the inventory does not stock. */
  abstract find(item: string): Promise<Item | undefined>;

  /** The item's units by state (available, held, confirmed, shipped, received), or `undefined` for an unknown item. */
  abstract units(item: string): Promise<ItemUnits | undefined>;

  /**
   * Sets the item's available units to `inStock`, adding the item when it is new (demo data, provider states):
   * reserved units stay as they are, and `received` changes by as much as the available count.
   */
  abstract setStock(item: string, inStock: number): Promise<void>;


  /**
   * Holds `quantity` units of `item` and commits before resolving: the reservation row (state `held`) and the stock decrement
   * are one transaction, and the decrement never takes stock below zero, however many reservations race. Throws
   * `UnknownItemError` for an item it does not stock and `OutOfStockError` when fewer units are left. With an
   * `idempotencyKey`, at most one reservation is ever made for the key: a repeat with the same body resolves to it
   * (`created: false`, nothing more reserved), a repeat with a different body throws `IdempotencyKeyReusedError`.
   * Past `deadlineAt` (`Date.now()` time) it commits nothing and throws `DeadlineExceededError`.
   */
  abstract reserve(request: CreateReservationRequest, idempotencyKey?: string, deadlineAt?: number): Promise<ReservationOutcome>;

  /**
   * Releases a held or confirmed reservation: its units go back to stock, once. Throws `ReservationNotFoundError` for
   * an id it never issued or a reservation released before, `ReservationShippedError` for one shipped (then nothing
   * goes back). Its Idempotency-Key is freed: the same key reserves anew.
   */
  abstract release(reservationId: string): Promise<void>;
}
