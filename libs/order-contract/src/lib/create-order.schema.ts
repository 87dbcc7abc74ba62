import { z } from 'zod';
import { hasControlCharacters } from './control-characters';
import { boundedTextSchema } from './text-length';
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

/** Longest `Idempotency-Key` the Order Service accepts. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The characters an `Idempotency-Key` may hold — printable ASCII without the space, `!` (U+0021) to `~` (U+007E) — as
 * one regular-expression character class that JavaScript and PostgreSQL read alike (the Order Service's CHECK
 * constraint uses the same string).
 */
export const IDEMPOTENCY_KEY_CHARACTER_CLASS = '[\\u0021-\\u007e]';

/**
 * The `Idempotency-Key` header of `POST /orders`: 1–255 printable ASCII characters without spaces. The same key with
 * the same body returns the first order (`200`); with a different body, `409`.
 */
export const IdempotencyKeySchema = boundedTextSchema(MAX_IDEMPOTENCY_KEY_LENGTH, { empty: 'must not be empty' }).regex(
  new RegExp(`^${IDEMPOTENCY_KEY_CHARACTER_CLASS}+$`),
  'must be printable ASCII without spaces',
);
