import { CreateOrderRequestSchema, PageCursorSchema, PageLimitSchema } from '@boundary/order-contract';
import { z } from 'zod';

/**
 * The query of the User Service's `GET /users/:userId/orders`: the Order Service's page rules, but without a
 * default, so a request without `?limit=` leaves the page size to the Order Service (50).
 */
export const UserOrdersQuerySchema = z.object({
  limit: PageLimitSchema.optional(),
  cursor: PageCursorSchema.optional(),
});

export type UserOrdersQuery = z.infer<typeof UserOrdersQuerySchema>;

/** The body of `POST /users/:userId/orders`: the Order Service's rules for a new order; the user comes from the path. */
export const NewUserOrderSchema = CreateOrderRequestSchema.omit({ user_id: true });

export type NewUserOrder = z.infer<typeof NewUserOrderSchema>;
