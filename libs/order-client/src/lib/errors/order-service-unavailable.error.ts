import { OrderServiceError } from './order-service.error';

/**
 * The Order Service could not serve the call: the connection was refused or reset, or it answered 5xx.
 * `status` is the upstream HTTP status when there was an answer.
 */
export class OrderServiceUnavailableError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_UNAVAILABLE';

  constructor(
    userId: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(
      status === undefined
        ? `Order Service unreachable for user ${JSON.stringify(userId)}`
        : `Order Service answered ${status} for user ${JSON.stringify(userId)}`,
      userId,
      options,
    );
  }
}
