import { OrderListSchema, OrderSchema } from '@boundary/order-contract';
import { z } from 'zod';

/** What `GET /users/:userId/orders` answers on success — also when `orders` is empty. */
export const UserOrdersResponseSchema = z.object({
  user_id: z.string(),
  orders: OrderListSchema,
});

export type UserOrdersResponse = z.infer<typeof UserOrdersResponseSchema>;

/** What `GET /users/:userId/orders/:orderId` and `POST /users/:userId/orders` answer: one order of the user. */
export const UserOrderResponseSchema = z.object({
  user_id: z.string(),
  order: OrderSchema,
});

export type UserOrderResponse = z.infer<typeof UserOrderResponseSchema>;
