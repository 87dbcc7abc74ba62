import { MAX_ITEM_LENGTH, MAX_ORDER_ID_LENGTH, MAX_USER_ID_LENGTH } from '@boundary/order-contract';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { isContractIdempotencyKey, isContractIdentifier, isContractText } from './contract-checks';

// Every text column refuses what the contract (libs/order-contract) forbids, whoever writes the row: a console, a
// migration or another service. Each rule is one named CHECK constraint, so an error says which one a row broke.

/**
 * Users the Order Service knows. A row is written with a user's first order (and by the demo seed), so a known user
 * with no orders answers `[]` while an unknown one answers `404` — without scanning `orders`.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('users_id_valid', isContractIdentifier(table.id, MAX_USER_ID_LENGTH))],
);

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
    check('orders_id_valid', isContractIdentifier(table.id, MAX_ORDER_ID_LENGTH)),
    check('orders_user_id_valid', isContractIdentifier(table.userId, MAX_USER_ID_LENGTH)),
    check('orders_item_valid', isContractText(table.item, MAX_ITEM_LENGTH)),
    check('orders_idempotency_key_valid', isContractIdempotencyKey(table.idempotencyKey)),
    // A user's history, newest first, is one index range scan: O(page), whatever the size of the table.
    index('orders_user_history_idx').on(table.userId, table.createdAt.desc(), table.id.desc()),
  ],
);

export const orderServiceSchema = { users, orders };
