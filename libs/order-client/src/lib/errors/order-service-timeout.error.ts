import { OrderServiceError } from './order-service.error';

/** The Order Service did not answer within the configured timeout (`timeoutMs`, in milliseconds). */
export class OrderServiceTimeoutError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_TIMEOUT';

  constructor(
    userId: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Order Service did not answer within ${timeoutMs} ms for user ${JSON.stringify(userId)}`, userId, options);
  }
}
