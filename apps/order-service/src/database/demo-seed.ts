import { DEMO_ORDERS, DEMO_USER_ID, USER_WITHOUT_ORDERS_ID } from '@boundary/order-contract';
import type { OrderDb } from './order-database';
import { orders, users } from './order-service.schema';

// DEMO_ORDERS is listed newest first; give each an older timestamp than the one before it.
const NEWEST_DEMO_ORDER_AT = Date.parse('2024-01-31T12:00:00Z');

/** Loads user123's orders and user000 (known, no orders). Safe to run on every start: existing rows stay. */
export async function seedDemoData(db: OrderDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values([{ id: DEMO_USER_ID }, { id: USER_WITHOUT_ORDERS_ID }])
      .onConflictDoNothing();
    await tx
      .insert(orders)
      .values(
        DEMO_ORDERS.map((order, index) => ({
          id: order.order_id,
          userId: DEMO_USER_ID,
          item: order.item,
          quantity: order.quantity,
          createdAt: new Date(NEWEST_DEMO_ORDER_AT - index * 60_000),
        })),
      )
      .onConflictDoNothing();
  });
}
