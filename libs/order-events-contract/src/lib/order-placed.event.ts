import { CreateOrderRequestSchema, OrderIdSchema, UserIdSchema } from '@boundary/order-contract';
import { ReservationIdSchema } from '@boundary/inventory-contract';
import { z } from 'zod';

/** The pattern (`@EventPattern`, `ClientProxy.emit`) the Order Service announces each new order under. */
export const ORDER_PLACED = 'orders.placed';

/** The version of {@link OrderPlacedEventSchema} the Order Service writes; a consumer refuses any other. */
export const ORDER_PLACED_VERSION = 1;

/**
 * `orders.placed`: one order the Order Service has committed, announced at least once (a consumer must tolerate a
 * repeat). Tolerant reader: unknown extra fields are stripped, so the publisher may add fields within a version.
 */
export const OrderPlacedEventSchema = z.object({
  version: z.literal(ORDER_PLACED_VERSION),
  order_id: OrderIdSchema,
  user_id: UserIdSchema,
  item: CreateOrderRequestSchema.shape.item,
  quantity: CreateOrderRequestSchema.shape.quantity,
  /** The Inventory Service's reservation holding the order's units. */
  reservation_id: ReservationIdSchema,
  /** When the order was committed: ISO 8601 with an offset (`2026-12-07T07:00:00.000Z`). */
  placed_at: z.iso.datetime({ offset: true }),
});

export type OrderPlacedEvent = z.infer<typeof OrderPlacedEventSchema>;
