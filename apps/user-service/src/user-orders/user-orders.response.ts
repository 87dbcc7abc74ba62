import { OrderListSchema } from '@boundary/order-contract';
import { z } from 'zod';

/** What `GET /users/:userId/orders` answers on success — also when `orders` is empty. */
export const UserOrdersResponseSchema = z.object({
  user_id: z.string(),
  orders: OrderListSchema,
});

export type UserOrdersResponse = z.infer<typeof UserOrdersResponseSchema>;
