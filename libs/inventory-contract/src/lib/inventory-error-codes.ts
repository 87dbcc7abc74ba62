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
} as const;
