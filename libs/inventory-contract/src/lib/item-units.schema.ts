import { z } from 'zod';
import { ItemIdSchema } from './item.schema';

const units = z.number().int().nonnegative();

/**
 * One item's units by reservation state (`GET /items/:itemId/units`). Every unit ever received is in exactly one
 * state, so `available + held + confirmed + shipped = received` always; `available` is `GET /items/:itemId`'s
 * `in_stock`.
 */
export const ItemUnitsSchema = z.object({
  item: ItemIdSchema,
  /** Units that can still be reserved. */
  available: units,
  /** Units reserved by holds not confirmed yet (released if not confirmed within the hold). */
  held: units,
  /** Units of confirmed reservations, not shipped yet. */
  confirmed: units,
  /** Units shipped. */
  shipped: units,
  /** Every unit the inventory was stocked with: the sum of the four above. */
  received: units,
});

export type ItemUnits = z.infer<typeof ItemUnitsSchema>;
