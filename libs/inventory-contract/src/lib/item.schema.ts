import { z } from 'zod';

/** Longest item id the Inventory Service accepts in a path. */
export const MAX_ITEM_ID_LENGTH = 128;

/** A item id as `GET /items/:itemId` accepts it: 1–128 characters. */
export const ItemIdSchema = z
  .string()
  .min(1, 'item id must not be empty')
  .max(MAX_ITEM_ID_LENGTH, `item id must be at most ${MAX_ITEM_ID_LENGTH} characters`);

/**
 * One item as it travels on the wire from the Inventory Service. Unknown extra fields are tolerated and
 * stripped (tolerant reader), so the provider may add fields without breaking its consumers.
 */
export const ItemSchema = z.object({
  id: ItemIdSchema,
  name: z.string().min(1),
});

export type Item = z.infer<typeof ItemSchema>;
