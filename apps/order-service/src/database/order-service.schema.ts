import { MAX_TRACESTATE_LENGTH, TRACEPARENT_PATTERN } from '@boundary/http-conventions';
import { MAX_ITEM_LENGTH, MAX_ORDER_ID_LENGTH, MAX_USER_ID_LENGTH, ORDER_STATUSES } from '@boundary/order-contract';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import {
  isContractIdempotencyKey,
  isContractIdentifier,
  isContractText,
  isOneOf,
  isReservationId,
  isW3cTraceContext,
} from './contract-checks';

/** Longest event pattern an outbox row may carry (`orders.placed` is 13). */
const MAX_PATTERN_LENGTH = 200;
/** Longest reason a withheld outbox row may give (an inventory error code and its message). */
const MAX_WITHHELD_REASON_LENGTH = 500;
/**
 * The `traceparent` an outbox row keeps: version 00 of the W3C trace context, as OpenTelemetry's propagator writes it
 * (https://www.w3.org/TR/trace-context/#traceparent-header).
 */
export const OUTBOX_TRACEPARENT_PATTERN = TRACEPARENT_PATTERN;
/** Longest `tracestate` an outbox row keeps: the W3C limit, beyond which OpenTelemetry drops the header itself. */
export const MAX_OUTBOX_TRACESTATE_LENGTH = MAX_TRACESTATE_LENGTH;

/** The W3C trace context of the request that wrote an outbox row, as the headers that carry it. */
export interface OutboxTraceContext {
  traceparent: string;
  tracestate?: string;
}

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
    /** `placed`, or `backordered` once the inventory held nothing for it when it was to be confirmed. */
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('placed'),
    /** When the order was backordered; set exactly when `status` is `backordered`. */
    backorderedAt: timestamp('backordered_at', { withTimezone: true }),
  },
  (table) => [
    check('orders_quantity_positive', sql`${table.quantity} > 0`),
    check('orders_id_valid', isContractIdentifier(table.id, MAX_ORDER_ID_LENGTH)),
    check('orders_user_id_valid', isContractIdentifier(table.userId, MAX_USER_ID_LENGTH)),
    check('orders_item_valid', isContractText(table.item, MAX_ITEM_LENGTH)),
    check('orders_idempotency_key_valid', isContractIdempotencyKey(table.idempotencyKey)),
    check('orders_reservation_id_valid', isReservationId(table.reservationId)),
    check('orders_status_known', isOneOf(table.status, ORDER_STATUSES)),
    check('orders_backordered_at_iff_backordered', sql`(${table.status} = 'backordered') = (${table.backorderedAt} IS NOT NULL)`),
    // A user's history, newest first, is one index range scan: O(page), whatever the size of the table.
    index('orders_user_history_idx').on(table.userId, table.createdAt.desc(), table.id.desc()),
  ],
);

/**
 * Events to announce, written in the transaction of the change they announce (the transactional outbox): an order
 * that commits has its `orders.placed` row, whatever happens to the process next. The relay publishes unsent rows in
 * `id` order and sets `sent_at` once the broker has confirmed. A row the relay must not publish (its order was
 * backordered) is withheld instead: `withheld_at` and `withheld_reason` are set, and the poll never reads it again. A
 * row is never deleted by the service.
 * A row keeps the trace context of the request that wrote it (`trace_context`), which the relay publishes it in.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pattern: text('pattern').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    withheldAt: timestamp('withheld_at', { withTimezone: true }),
    withheldReason: text('withheld_reason'),
    /**
     * The trace context of the request that wrote the row, so its event is published in that request's trace; NULL
     * when the request had none (tracing off) and on rows older than the column.
     */
    traceContext: jsonb('trace_context').$type<OutboxTraceContext>(),
  },
  (table) => [
    check('outbox_id_positive', sql`${table.id} > 0`),
    check('outbox_pattern_valid', isContractText(table.pattern, MAX_PATTERN_LENGTH)),
    check('outbox_payload_object', sql`jsonb_typeof(${table.payload}) = 'object'`),
    check('outbox_created_at_finite', sql`isfinite(${table.createdAt})`),
    check('outbox_sent_after_created', sql`${table.sentAt} >= ${table.createdAt}`),
    check('outbox_withheld_reason_valid', isContractText(table.withheldReason, MAX_WITHHELD_REASON_LENGTH)),
    check('outbox_withheld_with_reason', sql`(${table.withheldAt} IS NULL) = (${table.withheldReason} IS NULL)`),
    check('outbox_withheld_after_created', sql`${table.withheldAt} >= ${table.createdAt}`),
    check('outbox_sent_or_withheld', sql`${table.sentAt} IS NULL OR ${table.withheldAt} IS NULL`),
    check('outbox_trace_context_w3c', isW3cTraceContext(table.traceContext, OUTBOX_TRACEPARENT_PATTERN, MAX_OUTBOX_TRACESTATE_LENGTH)),
    // The relay's poll reads only rows to publish: an index of those stays small however many were sent or withheld.
    index('outbox_unsent_idx').on(table.id).where(sql`${table.sentAt} IS NULL AND ${table.withheldAt} IS NULL`),
  ],
);

export const orderServiceSchema = { users, orders, outbox };
