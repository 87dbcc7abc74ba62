import { z } from 'zod';

/** Most orders one page of `GET /users/:userId/orders` holds. */
export const MAX_PAGE_SIZE = 100;

/** Orders per page when `?limit=` is absent. */
export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=` of a history page, as sent in a URL: a whole number 1–100. */
export const PageLimitSchema = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`));

/** `?cursor=` of a history page: opaque, from the previous page's `Link` header. */
export const PageCursorSchema = z.string().min(1, 'must not be empty').max(512, 'is too long');

/**
 * The query of `GET /users/:userId/orders`: `limit` 1–100 (default 50) and an opaque `cursor` taken from the previous
 * page's `Link: <…>; rel="next"` header. Other parameters are ignored.
 */
export const OrderHistoryQuerySchema = z.object({
  limit: PageLimitSchema.default(DEFAULT_PAGE_SIZE),
  cursor: PageCursorSchema.optional(),
});

export type OrderHistoryQuery = z.infer<typeof OrderHistoryQuerySchema>;
