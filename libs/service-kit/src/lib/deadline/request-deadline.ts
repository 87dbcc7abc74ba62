import { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';

/**
 * Taken off the caller's budget: it was measured from when the caller sent the request, this from when it arrived,
 * so the provider gives up a little before the caller does rather than after.
 */
export const DEADLINE_MARGIN_MS = 25;

/** The largest budget `x-deadline-ms` may carry: one hour, in milliseconds. */
export const MAX_BUDGET_MS = 3_600_000;

const pipe = new ZodValidationPipe(
  z.coerce.number().int().min(0).max(MAX_BUDGET_MS).optional(),
  'x-deadline-ms header',
  'INVALID_DEADLINE',
);

/**
 * When the caller stops waiting for this request, as `Date.now()` time, from its `x-deadline-ms` header
 * (`DEADLINE_HEADER` of http-conventions): `undefined` when absent; a header that is not a whole number of
 * milliseconds throws `400` `{ code: 'INVALID_DEADLINE' }`.
 *
 * @example const deadlineAt = requestDeadline(deadlineHeader); // from `@Headers(DEADLINE_HEADER)`
 */
export function requestDeadline(header: string | undefined, receivedAt = Date.now()): number | undefined {
  const budgetMs = requestBudgetMs(header);
  return budgetMs === undefined ? undefined : receivedAt + budgetMs - DEADLINE_MARGIN_MS;
}

/**
 * The caller's budget in milliseconds, as its `x-deadline-ms` header says it: `undefined` when absent or empty; a header
 * that is not a whole number of milliseconds (0 to one hour) throws `400` `{ code: 'INVALID_DEADLINE' }`.
 */
export function requestBudgetMs(header: string | undefined): number | undefined {
  return pipe.transform(header === '' ? undefined : header);
}
