import type { ProviderCallErrorOptions, ProviderFailureKind } from '@boundary/client-core';
import { OrderServiceError, subjectOf } from './order-service.error';

/**
 * The Order Service could not serve the call: the connection was refused or reset, or it answered 5xx.
 * `status` is the upstream HTTP status when there was an answer.
 */
export class OrderServiceUnavailableError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_UNAVAILABLE';
  readonly kind: ProviderFailureKind = 'unavailable';

  constructor(
    userId: string | undefined,
    readonly status?: number,
    options?: ProviderCallErrorOptions,
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
