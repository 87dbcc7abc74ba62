import { and, eq, gte, sql } from 'drizzle-orm';
import type { InventoryDb } from '../database/inventory-database';
import { stock } from '../database/inventory-service.schema';

/** The handle inside `db.transaction(…)`. */
export type InventoryTx = Parameters<Parameters<InventoryDb['transaction']>[0]>[0];

/** The stock counters a unit can be counted in: available (`inStock`), or reserved in one of three states. */
export type UnitCounter = 'inStock' | 'held' | 'confirmed' | 'shipped';

/**
 * Moves `quantity` units of `item` from one counter to another in one conditional UPDATE: `received` is unchanged, so
 * the counts still add up. The row lock serialises racing moves, and each re-checks the count it finds: `false`, and
 * nothing moved, when `from` holds fewer than `quantity` units (or the item is not stocked).
 */
export async function moveUnits(tx: InventoryTx, item: string, quantity: number, from: UnitCounter, to: UnitCounter): Promise<boolean> {
  const [moved] = await tx
    .update(stock)
    .set({ [from]: sql`${stock[from]} - ${quantity}`, [to]: sql`${stock[to]} + ${quantity}` })
    .where(and(eq(stock.item, item), gte(stock[from], quantity)))
    .returning({ item: stock.item });
  return moved !== undefined;
}
