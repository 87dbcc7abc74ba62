import type { ProviderCallErrorOptions } from '@boundary/client-core';
import { OrderServiceError, subjectOf } from './order-service.error';

/** The Order Service did not answer within the configured timeout (`timeoutMs`, in milliseconds). */
export class OrderServiceTimeoutError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_TIMEOUT';
  readonly kind = 'timeout' as const;

  constructor(
    userId: string | undefined,
    readonly timeoutMs: number,
    options?: ProviderCallErrorOptions,
  ) {
    super(`Order Service did not answer within ${timeoutMs} ms for ${subjectOf(userId, options)}`, userId, options);
  }
}
