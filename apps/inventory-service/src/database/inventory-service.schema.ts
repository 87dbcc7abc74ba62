import { sql } from 'drizzle-orm';
import { check, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema of the Inventory Service: its tables and its migration journal live here, so services sharing
 * one database never see each other's tables or skip each other's migrations. Declare tables with
 * `inventoryDbSchema.table(...)`, add them to `inventoryServiceSchema`, then
 * `npx nx run inventory-service:generate-migration --name=<what_it_does>`.
 */
export const inventoryDbSchema = pgSchema('inventory');

/**
 * Units in stock per item, keyed by the string an order carries in `item`. `in_stock` never goes below zero: a
 * reservation decrements it with one conditional UPDATE, and the CHECK refuses any writer that would.
 */
export const stock = inventoryDbSchema.table(
  'stock',
  {
    item: text('item').primaryKey(),
    inStock: integer('in_stock').notNull(),
  },
  (table) => [check('stock_in_stock_not_negative', sql`${table.inStock} >= 0`)],
);

/**
 * One row per reservation. `idempotency_key` is unique, so concurrent retries of one `POST /reservations` reserve at
 * most once (`INSERT … ON CONFLICT DO NOTHING`); NULLs do not collide. `released_at` is set once, by the release that
 * returns the units to stock, so a second release finds nothing to release.
 */
export const reservations = inventoryDbSchema.table(
  'reservations',
  {
    id: text('id').primaryKey(),
    item: text('item')
      .notNull()
      .references(() => stock.item),
    quantity: integer('quantity').notNull(),
    idempotencyKey: text('idempotency_key').unique('reservations_idempotency_key_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (table) => [check('reservations_quantity_positive', sql`${table.quantity} > 0`)],
);

export const inventoryServiceSchema = { stock, reservations };
