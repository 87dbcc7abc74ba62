/**
 * The Order Service's answers to `POST /orders` when the inventory refuses or cannot take the order (status, body
 * `code` and `error`), which its consumers may rely on and pass on as they are. Nothing was ordered in each case. The
 * first two carry the Inventory Service's own codes through unchanged.
 */
export const ORDER_PLACEMENT_REFUSALS = {
  /** Fewer units are left than the order asks for. */
  outOfStock: { status: 409, code: 'OUT_OF_STOCK', error: 'Not enough of this item in stock' },
  /** The inventory does not stock the ordered item. */
  unknownItem: { status: 422, code: 'UNKNOWN_ITEM', error: 'No such item in the inventory' },
  /** The inventory could not be asked; a retry with the same Idempotency-Key is safe. */
  inventoryUnavailable: {
    status: 503,
    code: 'INVENTORY_UNAVAILABLE',
    error: 'Orders cannot be placed now: the inventory is unavailable',
  },
} as const;
