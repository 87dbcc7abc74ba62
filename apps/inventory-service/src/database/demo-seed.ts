import { DEMO_ORDERS } from '@boundary/order-contract';
import { stock } from './inventory-service.schema';
import type { InventoryDb } from './inventory-database';

/**
 * The demo stock: every item of the demo orders, a few more, and one sold out (so `OUT_OF_STOCK` can be tried).
 * Anything else answers `UNKNOWN_ITEM`.
 */
export const DEMO_STOCK: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(DEMO_ORDERS.map((order) => [order.item, 100])),
  Keyboard: 40,
  Monitor: 12,
  Desk: 3,
  Webcam: 0,
});

/** Loads {@link DEMO_STOCK}. Safe to run on every start: items already stocked keep their count. */
export async function seedDemoStock(db: InventoryDb): Promise<void> {
  await db
    .insert(stock)
    .values(Object.entries(DEMO_STOCK).map(([item, inStock]) => ({ item, inStock })))
    .onConflictDoNothing();
}
