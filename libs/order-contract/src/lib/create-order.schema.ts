import { z } from 'zod';
import { ItemIdSchema, MAX_QUANTITY } from '@boundary/inventory-contract';
import { OrderSchema } from './order.schema';
import { UserIdSchema } from './user-id.schema';

/**
 * The body of `POST /orders`. Strict: an unknown field, a wrong type, a `quantity` ≤ 0 or over `MAX_QUANTITY`, or an
 * `item` the inventory refuses as an id (`ItemIdSchema`: over 200 characters, counted in code points, or with a
 * control character) is rejected (the provider validates what it stores; the tolerant {@link OrderSchema} is for
 * readers).
 */
export const CreateOrderRequestSchema = z.strictObject({
  user_id: UserIdSchema,
  item: ItemIdSchema,
  quantity: z.number().int().positive().max(MAX_QUANTITY),
});

export type CreateOrderRequest = z.infer<typeof CreateOrderRequestSchema>;

/** One order with its owner: the answer of `POST /orders` and `GET /orders/:orderId`. */
export const OrderDetailSchema = OrderSchema.extend({ user_id: UserIdSchema });

export type OrderDetail = z.infer<typeof OrderDetailSchema>;
