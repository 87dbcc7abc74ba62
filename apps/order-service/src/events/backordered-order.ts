import { and, eq, sql } from 'drizzle-orm';
import type { OrderDb } from '../database/order-database';
import { orders, outbox } from '../database/order-service.schema';
import type { Backorder } from './reservation-confirmation';

/** What a transaction of the relay can run: the database or an open transaction on it. */
type Executor = Pick<OrderDb, 'update'>;

/**
 * Records `backorder` in the relay's transaction: the order becomes `backordered` (once: a second call changes
 * nothing), and its outbox row `rowId` is withheld with the inventory's code as its reason, so no poll reads it again.
 * Nothing is deleted: the row stays, as the announcement that was not made.
 */
export async function withholdBackordered(tx: Executor, rowId: number, backorder: Backorder): Promise<void> {
  await tx
    .update(orders)
    .set({ status: 'backordered', backorderedAt: sql`now()` })
    .where(and(eq(orders.id, backorder.orderId), eq(orders.status, 'placed')));
  await tx
    .update(outbox)
    .set({ withheldAt: sql`now()`, withheldReason: `backordered: ${backorder.code}` })
    .where(eq(outbox.id, rowId));
}
