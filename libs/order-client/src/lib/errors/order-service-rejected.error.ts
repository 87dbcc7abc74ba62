import { OrderServiceError, subjectOf, type OrderServiceErrorOptions } from './order-service.error';

/**
 * The Order Service refused the call with a 4xx other than 404 (400, 401, 403, …). For a caller that validated
 * its input this means a misconfiguration or contract drift, not a user error.
 */
export class OrderServiceRejectedError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_REJECTED';
  readonly kind = 'rejected' as const;

  constructor(
    userId: string | undefined,
    readonly status: number,
    options: OrderServiceErrorOptions = {},
  ) {
    super(`Order Service rejected the call for ${subjectOf(userId, options)} with ${status}`, userId, options);
  }
}
