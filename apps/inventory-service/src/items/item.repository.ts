import type { Item } from '@boundary/inventory-contract';

/** Where the Inventory Service finds its items; the controller depends on this abstraction only. */
export abstract class ItemRepository {
  /** The item with this id, or `undefined` when there is none. */
  abstract findItem(itemId: string): Promise<Item | undefined>;
}
