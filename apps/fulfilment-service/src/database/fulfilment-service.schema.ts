import { sql } from 'drizzle-orm';
import { check, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema of the Fulfilment Service: its tables and its migration journal, apart from other services' on
 * a shared database. Declare tables with `fulfilmentDbSchema.table(...)`, add them to `fulfilmentServiceSchema`, then
 * `npx nx run fulfilment-service:generate-migration --name=<what_it_does>`.
 */
export const fulfilmentDbSchema = pgSchema('fulfilment');

/**
 * One shipment per order, recorded from its `orders.placed` event. `order_id` is the key: a repeated delivery of the
 * event (at least once) inserts nothing (`ON CONFLICT DO NOTHING`).
 */
export const shipments = fulfilmentDbSchema.table(
  'shipments',
  {
    orderId: text('order_id').primaryKey(),
    userId: text('user_id').notNull(),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    reservationId: text('reservation_id').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('shipments_order_id_not_empty', sql`char_length(${table.orderId}) > 0`),
    check('shipments_user_id_not_empty', sql`char_length(${table.userId}) > 0`),
    check('shipments_item_not_empty', sql`char_length(${table.item}) > 0`),
    check('shipments_quantity_positive', sql`${table.quantity} > 0`),
    check('shipments_reservation_id_valid', sql`${table.reservationId} ~ '^res_'`),
  ],
);

export const fulfilmentServiceSchema = { shipments };
