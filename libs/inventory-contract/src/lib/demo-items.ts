import type { Item } from './item.schema';

/** The item of every boundary test's happy path. */
export const DEMO_ITEM: Readonly<Item> = Object.freeze({ id: 'item-001', name: 'Demo item' });

/** A item id the Inventory Service does not know: it answers 404. */
export const UNKNOWN_ITEM_ID = 'item-unknown';
