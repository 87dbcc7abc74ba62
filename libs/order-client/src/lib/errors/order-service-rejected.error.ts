import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { OrderServiceError, subjectOf } from './order-service.error';

/**
 * The Order Service refused the call with a 4xx other than 404 (400, 401, 403, …). For a caller that validated
 * its input this means a misconfiguration or contract drift, not a user error.
 */
export class OrderServiceRejectedError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_REJECTED';
  readonly kind = 'rejected' as const;

  /** The `code` of the Order Service's error body, e.g. `INVALID_CURSOR` or `IDEMPOTENCY_KEY_REUSED`, if it sent one. */
  declare readonly providerCode?: string;

  constructor(
    userId: string | undefined,
    readonly status: number,
    options: ProviderCallErrorOptions & { providerCode?: string } = {},
  ) {
    super(`Order Service rejected the call for ${subjectOf(userId, options)} with ${status}`, userId, options);
    if (options.providerCode !== undefined) Object.defineProperty(this, 'providerCode', { value: options.providerCode, enumerable: true });
  }
}
