import { z } from 'zod';
import { hasControlCharacters } from '@boundary/http-conventions';
import { OrderSchema } from './order.schema';
import { UserIdSchema } from './user-id.schema';

/** Largest quantity one order may carry (the storage column is a 32-bit integer). */
export const MAX_QUANTITY = 2_147_483_647;

/**
 * The body of `POST /orders`. Strict: an unknown field, a wrong type, `quantity` ≤ 0, or an `item` over 200
 * characters (code points) or with a control character is rejected (the provider validates what it stores; the
 * tolerant {@link OrderSchema} is for readers).
 */
export const CreateOrderRequestSchema = z.strictObject({
  user_id: UserIdSchema,
  item: OrderSchema.shape.item.refine((item) => !hasControlCharacters(item), 'must not contain control characters'),
  quantity: z.number().int().positive().max(MAX_QUANTITY),
});

export type CreateOrderRequest = z.infer<typeof CreateOrderRequestSchema>;

/** One order with its owner: the answer of `POST /orders` and `GET /orders/:orderId`. */
export const OrderDetailSchema = OrderSchema.extend({ user_id: UserIdSchema });

export type OrderDetail = z.infer<typeof OrderDetailSchema>;
