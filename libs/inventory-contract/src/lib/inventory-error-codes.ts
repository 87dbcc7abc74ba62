/** The `code`s of the Inventory Service's error bodies (`{ error, code }`), which its consumers may rely on. */
export const INVENTORY_ERROR_CODES = {
  /** `404`: the inventory does not stock this item. */
  itemNotFound: 'ITEM_NOT_FOUND',
  /** `400`: the id breaks `ItemIdSchema`. */
  invalidItemId: 'INVALID_ITEM_ID',
  /** `409`: fewer units are left than the reservation asks for; nothing was reserved. */
  outOfStock: 'OUT_OF_STOCK',
  /** `422`: a reservation of an item the inventory does not stock. */
  unknownItem: 'UNKNOWN_ITEM',
  /** `409`: the reservation's Idempotency-Key was used before for another item or quantity. */
  idempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** `404`: no reservation has this id. */
  reservationNotFound: 'RESERVATION_NOT_FOUND',
  /** `404`: the reservation was released before; nothing went back to stock this time. */
  reservationReleased: 'RESERVATION_RELEASED',
  /**
   * `409`: confirming a hold that was released (it expired, or was released) when fewer units are left than it held;
   * nothing was reserved, the reservation stays released.
   */
  holdExpired: 'HOLD_EXPIRED',
  /** `409`: shipping a reservation that is not confirmed (still held, or released); nothing was shipped. */
  reservationNotConfirmed: 'RESERVATION_NOT_CONFIRMED',
  /** `409`: releasing a reservation whose units were shipped; nothing went back to stock. */
  reservationShipped: 'RESERVATION_SHIPPED',
} as const;
