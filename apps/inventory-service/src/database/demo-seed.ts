import { DEMO_ITEMS } from '@boundary/inventory-contract';
import { stock } from './inventory-service.schema';
import type { InventoryDb } from './inventory-database';

/**
 * The demo stock: the contract's demo items (those the demo orders order), a few more, and one sold out (so
 * `OUT_OF_STOCK` can be tried). Anything else answers `UNKNOWN_ITEM`.
 */
export const DEMO_STOCK: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(DEMO_ITEMS.map(({ item, in_stock }) => [item, in_stock])),
  Keyboard: 40,
  Monitor: 12,
  Desk: 3,
  Webcam: 0,
});

/** Loads {@link DEMO_STOCK}. Safe to run on every start: items already stocked keep their count. */
export async function seedDemoStock(db: InventoryDb): Promise<void> {
  await db
    .insert(stock)
    .values(Object.entries(DEMO_STOCK).map(([item, inStock]) => ({ item, inStock, received: inStock })))
    .onConflictDoNothing();
}
