import type { OrderDetail } from '@boundary/order-contract';
import { ORDER_PLACED, ORDER_PLACED_VERSION, OrderPlacedEventSchema } from '@boundary/order-events-contract';
import type { outbox } from '../database/order-service.schema';
import { activeOutboxTraceContext } from './outbox-trace-context';

/** An order as it was just written: the wire fields, its reservation and its commit time. */
export interface PlacedOrder extends OrderDetail {
  reservation_id: string;
  placed_at: Date;
}

/**
 * The outbox row announcing `order`: pattern `orders.placed`, the contract's payload, and the trace context of the
 * request placing it (the active one; `null` when there is none), which its event is published in. Throws a `ZodError` if the
 * order breaks the contract, which rolls the order back with it: an event that could not be published is never
 * stored.
 */
export function orderPlacedRow(order: PlacedOrder): typeof outbox.$inferInsert {
  const payload = OrderPlacedEventSchema.parse({
    version: ORDER_PLACED_VERSION,
    order_id: order.order_id,
    user_id: order.user_id,
    item: order.item,
    quantity: order.quantity,
    reservation_id: order.reservation_id,
    placed_at: order.placed_at.toISOString(),
  });
  return { pattern: ORDER_PLACED, payload, traceContext: activeOutboxTraceContext() };
}
