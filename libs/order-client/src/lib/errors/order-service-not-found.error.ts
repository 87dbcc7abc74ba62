import { OrderServiceError } from './order-service.error';

/** The Order Service answered 404: it does not know this user. */
export class OrderServiceNotFoundError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_USER_NOT_FOUND';

  constructor(userId: string, options?: { cause?: unknown }) {
    super(`Order Service does not know user ${JSON.stringify(userId)}`, userId, options);
  }
}
