import { sql } from 'drizzle-orm';
import { RESERVATION_STATES } from '@boundary/inventory-contract';
import { bigint, check, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema of the Inventory Service: its tables and its migration journal live here, so services sharing
 * one database never see each other's tables or skip each other's migrations. Declare tables with
 * `inventoryDbSchema.table(...)`, add them to `inventoryServiceSchema`, then
 * `npx nx run inventory-service:generate-migration --name=<what_it_does>`.
 */
export const inventoryDbSchema = pgSchema('inventory');

/**
 * Units per item, keyed by the string an order carries in `item`, counted by reservation state: `in_stock`
 * (available), `held`, `confirmed` and `shipped`, which always add up to `received` — every move of units between
 * states updates two counters in one statement, and a CHECK refuses any writer whose counts would not add up. No
 * counter goes below zero: a reservation decrements `in_stock` with one conditional UPDATE.
 */
export const stock = inventoryDbSchema.table(
  'stock',
  {
    item: text('item').primaryKey(),
    inStock: integer('in_stock').notNull(),
    held: integer('held').notNull().default(0),
    confirmed: integer('confirmed').notNull().default(0),
    shipped: integer('shipped').notNull().default(0),
    // bigint: four 32-bit counters may add up to more than a 32-bit integer holds.
    received: bigint('received', { mode: 'number' }).notNull(),
  },
  (table) => [
    check('stock_in_stock_not_negative', sql`${table.inStock} >= 0`),
    check('stock_held_not_negative', sql`${table.held} >= 0`),
    check('stock_confirmed_not_negative', sql`${table.confirmed} >= 0`),
    check('stock_shipped_not_negative', sql`${table.shipped} >= 0`),
    check(
      'stock_received_adds_up',
      sql`${table.inStock}::bigint + ${table.held} + ${table.confirmed} + ${table.shipped} = ${table.received}`,
    ),
  ],
);

const states = sql.raw(RESERVATION_STATES.map((state) => `'${state}'`).join(', '));

/**
 * One row per reservation. `idempotency_key` is unique, so concurrent retries of one `POST /reservations` reserve at
 * most once (`INSERT … ON CONFLICT DO NOTHING`); NULLs do not collide. `state` follows the lifecycle held → confirmed
 * → shipped, or → released (by its consumer, or by the reaper when a hold outlives `RESERVATION_HOLD`); each
 * transition locks the row first, so of two racing transitions the second sees the first's state. Each state's
 * timestamp is set by the transition into it; a released hold confirmed later keeps its `released_at`.
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
    state: text('state', { enum: RESERVATION_STATES }).notNull().default('held'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
  },
  (table) => [
    check('reservations_quantity_positive', sql`${table.quantity} > 0`),
    check('reservations_state_known', sql`${table.state} in (${states})`),
    check(
      'reservations_confirmed_at_matches_state',
      sql`case ${table.state} when 'held' then ${table.confirmedAt} is null when 'released' then true else ${table.confirmedAt} is not null end`,
    ),
    check('reservations_shipped_at_matches_state', sql`(${table.state} = 'shipped') = (${table.shippedAt} is not null)`),
    check('reservations_released_at_matches_state', sql`${table.state} <> 'released' or ${table.releasedAt} is not null`),
  ],
);

export const inventoryServiceSchema = { stock, reservations };
