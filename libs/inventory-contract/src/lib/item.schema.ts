import { CreateOrderRequestSchema } from '@boundary/order-contract';
import { z } from 'zod';

/**
 * An item as the inventory keys it: the same string an order carries in `item` (1–200 characters, no control
 * characters), so what the Order Service reserves is what it writes. It is also `GET /items/:itemId`'s id.
 */
export const ItemIdSchema = CreateOrderRequestSchema.shape.item;

/**
 * One item's stock as it travels on the wire from the Inventory Service (`GET /items/:itemId`). Unknown extra
 * fields are tolerated and stripped (tolerant reader), so the provider may add fields without breaking its consumers.
 */
export const ItemSchema = z.object({
  item: ItemIdSchema,
  /** Units that can still be reserved; never below zero. */
  in_stock: z.number().int().nonnegative(),
});

export type Item = z.infer<typeof ItemSchema>;
