import { OrderServiceError } from './order-service.error';

/**
 * The Order Service refused the call with a 4xx other than 404 (400, 401, 403, …). For a caller that validated
 * its input this means a misconfiguration or contract drift, not a user error.
 */
export class OrderServiceRejectedError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_REJECTED';

  constructor(
    userId: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(`Order Service rejected the call for user ${JSON.stringify(userId)} with ${status}`, userId, options);
  }
}
