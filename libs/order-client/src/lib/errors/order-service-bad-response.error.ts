import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { OrderServiceError, subjectOf } from './order-service.error';

/**
 * The Order Service answered 2xx with a body that breaks the contract: not JSON, or JSON that
 * `OrderListSchema` rejects. `reason` names the problem (e.g. the offending field).
 */
export class OrderServiceBadResponseError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_BAD_RESPONSE';
  readonly kind = 'bad-response' as const;

  constructor(
    userId: string | undefined,
    readonly reason: string,
    options?: ProviderCallErrorOptions,
  ) {
    super(`Order Service sent an off-contract response for ${subjectOf(userId, options)}: ${reason}`, userId, options);
  }
}
