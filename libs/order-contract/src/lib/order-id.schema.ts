import { identifierSchema } from '@boundary/http-conventions';

/** Longest order id the Order Service accepts in a path. */
export const MAX_ORDER_ID_LENGTH = 128;

/** An order id as `GET /orders/:orderId` accepts it: 1–128 characters, no control characters. */
export const OrderIdSchema = identifierSchema('order id', MAX_ORDER_ID_LENGTH);
