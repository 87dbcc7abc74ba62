import { boundedTextSchema, hasControlCharacters } from '@boundary/http-conventions';
import { z } from 'zod';

/** Longest item id the inventory keys, in code points; longer ids are rejected, never truncated. */
export const MAX_ITEM_LENGTH = 200;

/**
 * An item as the inventory keys it: 1–200 characters (code points), no control characters. It is
 * `GET /items/:itemId`'s id, and the string an order carries in `item` (the order contract builds on this rule), so
 * what the Order Service reserves is what it writes.
 */
export const ItemIdSchema = boundedTextSchema(MAX_ITEM_LENGTH).refine(
  (item) => !hasControlCharacters(item),
  'must not contain control characters',
);

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
