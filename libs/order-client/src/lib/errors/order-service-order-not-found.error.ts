import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { OrderServiceNotFoundError } from './order-service-not-found.error';

/**
 * The Order Service answered 404 for one order: it has no order with this id. A subclass of
 * `OrderServiceNotFoundError`, so callers that only know that one still handle it.
 */
export class OrderServiceOrderNotFoundError extends OrderServiceNotFoundError {
  override readonly code = 'ORDER_SERVICE_ORDER_NOT_FOUND';

  constructor(
    readonly orderId: string,
    options?: ProviderCallErrorOptions,
  ) {
    super(undefined, options);
    this.message = `Order Service does not know order ${JSON.stringify(orderId)}`;
  }
}
