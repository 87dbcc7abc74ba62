import { OrderServiceError } from './order-service.error';

/**
 * The Order Service answered 2xx with a body that breaks the contract: not JSON, or JSON that
 * `OrderListSchema` rejects. `reason` names the problem (e.g. the offending field).
 */
export class OrderServiceBadResponseError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_BAD_RESPONSE';

  constructor(
    userId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Order Service sent an off-contract response for user ${JSON.stringify(userId)}: ${reason}`, userId, options);
  }
}
