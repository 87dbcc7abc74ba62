import { z } from 'zod';
import { hasControlCharacters } from './control-characters';

/** Longest order id the Order Service accepts in a path. */
export const MAX_ORDER_ID_LENGTH = 128;

/** An order id as `GET /orders/:orderId` accepts it: 1–128 characters, no control characters. */
export const OrderIdSchema = z
  .string()
  .min(1, 'order id must not be empty')
  .max(MAX_ORDER_ID_LENGTH, `order id must be at most ${MAX_ORDER_ID_LENGTH} characters`)
  .refine((id) => !hasControlCharacters(id), 'order id must not contain control characters');
