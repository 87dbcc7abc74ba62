/** Fewer units of the item in stock than a reservation asked for. Answered `409 OUT_OF_STOCK`. */
export class OutOfStockError extends Error {
  readonly code = 'OUT_OF_STOCK';

  constructor(
    readonly item: string,
    readonly quantity: number,
  ) {
    super(`Not enough "${item}" in stock to reserve ${quantity}`);
    this.name = 'OutOfStockError';
  }
}
