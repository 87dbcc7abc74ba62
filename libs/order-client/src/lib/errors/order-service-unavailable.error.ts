import type { ProviderFailureKind } from '@boundary/client-core';
import { OrderServiceError, subjectOf, type OrderServiceErrorOptions } from './order-service.error';

/**
 * The Order Service could not serve the call: the connection was refused or reset, or it answered 5xx.
 * `status` is the upstream HTTP status when there was an answer, and `providerCode` the code of its error body (e.g.
 * `INVENTORY_UNAVAILABLE`: the Order Service is up but cannot take orders without its own provider).
 */
export class OrderServiceUnavailableError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_UNAVAILABLE';
  readonly kind: ProviderFailureKind = 'unavailable';

  constructor(
    userId: string | undefined,
    readonly status?: number,
    options?: OrderServiceErrorOptions,
  ) {
    super(
      status === undefined
        ? `Order Service unreachable for ${subjectOf(userId, options)}`
        : `Order Service answered ${status} for ${subjectOf(userId, options)}`,
      userId,
      options,
    );
  }
}
