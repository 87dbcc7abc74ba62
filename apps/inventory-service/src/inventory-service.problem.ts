import { isDatabaseUnavailable, type HttpProblem } from '@boundary/service-kit';

/** The Inventory Service's own errors as HTTP answers; anything else is left to the JSON error filter's defaults. */
export function inventoryProblem(error: unknown): HttpProblem | undefined {
  if (isDatabaseUnavailable(error)) {
    return { status: 503, error: 'Database unavailable, try again later', code: 'DATABASE_UNAVAILABLE' };
  }
  return undefined;
}
