import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Users the Order Service knows. A row is written with a user's first order (and by the demo seed), so a known user
 * with no orders answers `[]` while an unknown one answers `404` — without scanning `orders`.
 */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per order. `idempotency_key` is unique, so concurrent retries of one `POST /orders` — on any number of
 * instances — insert at most one row (`INSERT … ON CONFLICT DO NOTHING`); NULLs do not collide.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    idempotencyKey: text('idempotency_key').unique('orders_idempotency_key_unique'),
  },
  (table) => [
    check('orders_quantity_positive', sql`${table.quantity} > 0`),
    // A user's history, newest first, is one index range scan: O(page), whatever the size of the table.
    index('orders_user_history_idx').on(table.userId, table.createdAt.desc(), table.id.desc()),
  ],
);

export const orderServiceSchema = { users, orders };
