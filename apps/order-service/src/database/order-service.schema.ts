import { MAX_ITEM_LENGTH, MAX_ORDER_ID_LENGTH, MAX_USER_ID_LENGTH } from '@boundary/order-contract';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { isContractIdempotencyKey, isContractIdentifier, isContractText, isReservationId } from './contract-checks';

/** Longest event pattern an outbox row may carry (`orders.placed` is 13). */
const MAX_PATTERN_LENGTH = 200;

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
    /** The Inventory Service's reservation holding the order's units; NULL only on orders older than the column. */
    reservationId: text('reservation_id'),
  },
  (table) => [
    check('orders_quantity_positive', sql`${table.quantity} > 0`),
    check('orders_id_valid', isContractIdentifier(table.id, MAX_ORDER_ID_LENGTH)),
    check('orders_user_id_valid', isContractIdentifier(table.userId, MAX_USER_ID_LENGTH)),
    check('orders_item_valid', isContractText(table.item, MAX_ITEM_LENGTH)),
    check('orders_idempotency_key_valid', isContractIdempotencyKey(table.idempotencyKey)),
    check('orders_reservation_id_valid', isReservationId(table.reservationId)),
    // A user's history, newest first, is one index range scan: O(page), whatever the size of the table.
    index('orders_user_history_idx').on(table.userId, table.createdAt.desc(), table.id.desc()),
  ],
);

/**
 * Events to announce, written in the transaction of the change they announce (the transactional outbox): an order
 * that commits has its `orders.placed` row, whatever happens to the process next. The relay publishes unsent rows in
 * `id` order and sets `sent_at` once the broker has confirmed; a row is never deleted by the service.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pattern: text('pattern').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    check('outbox_id_positive', sql`${table.id} > 0`),
    check('outbox_pattern_valid', isContractText(table.pattern, MAX_PATTERN_LENGTH)),
    check('outbox_payload_object', sql`jsonb_typeof(${table.payload}) = 'object'`),
    check('outbox_created_at_finite', sql`isfinite(${table.createdAt})`),
    check('outbox_sent_after_created', sql`${table.sentAt} >= ${table.createdAt}`),
    // The relay's poll reads only unsent rows: an index of those stays small however many were sent.
    index('outbox_unsent_idx').on(table.id).where(sql`${table.sentAt} IS NULL`),
  ],
);

export const orderServiceSchema = { users, orders, outbox };
