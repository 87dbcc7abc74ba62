import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { OrderServiceError, subjectOf } from './order-service.error';

/** The Order Service answered 404: it does not know this user. */
export class OrderServiceNotFoundError extends OrderServiceError {
  readonly code: string = 'ORDER_SERVICE_USER_NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(userId: string | undefined, options?: ProviderCallErrorOptions) {
    super(`Order Service does not know ${subjectOf(userId, options)}`, userId, options);
  }
}
