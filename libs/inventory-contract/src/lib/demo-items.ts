import type { Item } from './item.schema';

/**
 * The demo items, well stocked: the demo seed of the Inventory Service stocks them, and the demo orders order them.
 */
export const DEMO_ITEMS: readonly Readonly<Item>[] = Object.freeze([
  Object.freeze({ item: 'Laptop', in_stock: 100 }),
  Object.freeze({ item: 'Mouse', in_stock: 100 }),
]);

/** The item of every boundary test's happy path: the first demo item. */
export const DEMO_ITEM: Readonly<Item> = DEMO_ITEMS[0];

/** An item the Inventory Service does not stock: `GET` answers 404, a reservation 422. */
export const UNKNOWN_ITEM_ID = 'Hoverboard';
