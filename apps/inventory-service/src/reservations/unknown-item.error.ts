import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';

/** A reservation for an item the inventory does not stock at all. Answered `422 UNKNOWN_ITEM`. */
export class UnknownItemError extends Error {
  readonly code = INVENTORY_ERROR_CODES.unknownItem;

  constructor(readonly item: string) {
    super(`Unknown item "${item}"`);
    this.name = 'UnknownItemError';
  }
}
