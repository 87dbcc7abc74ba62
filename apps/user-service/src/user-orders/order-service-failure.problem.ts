import {
  OrderServiceBadResponseError,
  OrderServiceCircuitOpenError,
  OrderServiceError,
  OrderServiceNotFoundError,
  OrderServiceOrderNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from '@boundary/order-client';
import { ORDER_PLACEMENT_REFUSALS } from '@boundary/order-contract';
import type { HttpProblem } from '@boundary/service-kit';
import { HttpStatus, Logger } from '@nestjs/common';

const logger = new Logger('OrderServiceProblem');

/**
 * The one mapping from Order Service failures to the User Service's answers (documented in the README):
 *
 * | failure                         | status | code                            |
 * |---------------------------------|--------|---------------------------------|
 * | OrderServiceOrderNotFoundError  | 404    | ORDER_NOT_FOUND                 |
 * | OrderServiceNotFoundError       | 404    | USER_NOT_FOUND                  |
 * | OrderServiceRejectedError 400 INVALID_CURSOR | 400 | INVALID_CURSOR      |
 * | OrderServiceRejectedError 409 OUT_OF_STOCK | 409 | OUT_OF_STOCK         |
 * | OrderServiceRejectedError 422 UNKNOWN_ITEM | 422 | UNKNOWN_ITEM         |
 * | OrderServiceRejectedError 409   | 409    | IDEMPOTENCY_KEY_REUSED          |
 * | OrderServiceUnavailableError 503 INVENTORY_UNAVAILABLE | 503 | INVENTORY_UNAVAILABLE |
 * | OrderServiceCircuitOpenError    | 503    | ORDER_SERVICE_CIRCUIT_OPEN      | + `Retry-After` (seconds)
 * | OrderServiceUnavailableError    | 502    | ORDER_SERVICE_UNAVAILABLE       |
 * | OrderServiceBadResponseError    | 502    | ORDER_SERVICE_BAD_RESPONSE      |
 * | OrderServiceRejectedError       | 502    | ORDER_SERVICE_REJECTED          |
 * | OrderServiceTimeoutError        | 504    | ORDER_SERVICE_TIMEOUT           |
 *
 * Each failure is logged here, once, with its user id and cause; the answer carries no internals. A 401/403 from
 * the Order Service means the service token is missing or wrong: it is logged as a configuration error.
 */
export function orderServiceFailureProblem(error: unknown): HttpProblem | undefined {
  if (!(error instanceof OrderServiceError)) return undefined;
  if (error instanceof OrderServiceOrderNotFoundError) {
    return { status: HttpStatus.NOT_FOUND, error: 'Order not found', code: 'ORDER_NOT_FOUND' };
  }
  // The caller's own mistakes, which only the Order Service could tell: answered as theirs, not as a failure of it.
  if (error instanceof OrderServiceRejectedError && error.status === 400 && error.providerCode === 'INVALID_CURSOR') {
    return { status: HttpStatus.BAD_REQUEST, error: 'Invalid cursor: not one this history issued', code: 'INVALID_CURSOR' };
  }
  // The Order Service's own provider, the inventory, decided these: the answers are the caller's, passed through.
  const refusal = placementRefusal(error);
  if (refusal && refusal !== ORDER_PLACEMENT_REFUSALS.inventoryUnavailable) return { ...refusal };
  if (error instanceof OrderServiceRejectedError && error.status === 409) {
    return {
      status: HttpStatus.CONFLICT,
      error: 'Idempotency-Key was used before for another order',
      code: 'IDEMPOTENCY_KEY_REUSED',
    };
  }
  if (error instanceof OrderServiceNotFoundError) {
    return { status: HttpStatus.NOT_FOUND, error: 'User not found', code: 'USER_NOT_FOUND' };
  }
  if (error instanceof OrderServiceRejectedError && (error.status === 401 || error.status === 403)) {
    logger.error(
      `Configuration error: the Order Service refused this service's credentials (${error.status}); ` +
        'check that ORDER_SERVICE_TOKEN matches on both services',
    );
  } else {
    logger.warn(`${error.name} for user ${JSON.stringify(error.userId)}: ${error.message}`);
  }
  if (error instanceof OrderServiceCircuitOpenError) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Order Service unavailable, not called while it recovers',
      code: 'ORDER_SERVICE_CIRCUIT_OPEN',
      headers: { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) },
    };
  }
  // The Order Service is up but cannot take orders while the inventory is down: try again later, as its 503 says.
  if (refusal) return { ...refusal };
  if (error instanceof OrderServiceTimeoutError) {
    return { status: HttpStatus.GATEWAY_TIMEOUT, error: 'Order Service timed out', code: error.code };
  }
  if (error instanceof OrderServiceBadResponseError) {
    return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service sent an invalid response', code: error.code };
  }
  if (error instanceof OrderServiceRejectedError) {
    return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service rejected the request', code: error.code };
  }
  if (error instanceof OrderServiceUnavailableError) {
    return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service unavailable', code: error.code };
  }
  return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service call failed', code: error.code };
}

/** The Order Service's answer when it is one of its placement refusals (`ORDER_PLACEMENT_REFUSALS`), matched by status and code. */
function placementRefusal(
  error: OrderServiceError,
): (typeof ORDER_PLACEMENT_REFUSALS)[keyof typeof ORDER_PLACEMENT_REFUSALS] | undefined {
  const providerError = error as OrderServiceError & { status?: number; providerCode?: string };
  return Object.values(ORDER_PLACEMENT_REFUSALS).find(
    (refusal) => refusal.status === providerError.status && refusal.code === providerError.providerCode,
  );
}
