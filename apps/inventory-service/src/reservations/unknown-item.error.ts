/** A reservation for an item the inventory does not stock at all. Answered `422 UNKNOWN_ITEM`. */
export class UnknownItemError extends Error {
  readonly code = 'UNKNOWN_ITEM';

  constructor(readonly item: string) {
    super(`Unknown item "${item}"`);
    this.name = 'UnknownItemError';
  }
}
