import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';

/** Fewer units of the item in stock than a reservation asked for. Answered `409 OUT_OF_STOCK`. */
export class OutOfStockError extends Error {
  readonly code = INVENTORY_ERROR_CODES.outOfStock;

  constructor(
    readonly item: string,
    readonly quantity: number,
  ) {
    super(`Not enough "${item}" in stock to reserve ${quantity}`);
    this.name = 'OutOfStockError';
  }
}
