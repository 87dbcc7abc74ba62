/** The `code`s of the Inventory Service's error bodies (`{ error, code }`), which its consumers may rely on. */
export const INVENTORY_ERROR_CODES = {
  /** `404`: no item has this id. */
  itemNotFound: 'ITEM_NOT_FOUND',
  /** `400`: the id breaks `ItemIdSchema`. */
  invalidItemId: 'INVALID_ITEM_ID',
} as const;
