import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { subjectOf } from './order-service.error';
import { OrderServiceUnavailableError } from './order-service-unavailable.error';

/**
 * The client's circuit breaker is open: the Order Service failed too often in a row, so the call failed fast
 * without being sent. `retryAfterMs` is how long until the breaker lets a probe call through (at least 1 ms).
 * A subclass of `OrderServiceUnavailableError`, so callers that only know that one still handle it.
 */
export class OrderServiceCircuitOpenError extends OrderServiceUnavailableError {
  override readonly kind = 'circuit-open' as const;
  /** Marks a call that was never sent because the breaker is open. */
  readonly breakerOpen = true;

  constructor(
    userId: string | undefined,
    readonly retryAfterMs: number,
    options?: ProviderCallErrorOptions,
  ) {
    super(userId, undefined, options);
    this.message = `Order Service circuit open for ${subjectOf(userId, options)}: failing fast for ${retryAfterMs} ms`;
  }
}
