import { OrderServiceError } from '@boundary/order-client';
import { ORDER_PLACEMENT_REFUSALS, ORDER_ROUTES } from '@boundary/order-contract';
import { acceptedTokensVariable, type HttpProblem } from '@boundary/service-kit';
import { HttpStatus, Logger } from '@nestjs/common';

const logger = new Logger('OrderServiceProblem');

/**
 * The one mapping from Order Service failures (`OrderServiceError`, by `kind`, `status` and `providerCode`) to the
 * User Service's answers (documented in the README):
 *
 * | failure                                          | status | code                       |
 * |--------------------------------------------------|--------|----------------------------|
 * | not-found of `GET /orders/{orderId}`             | 404    | ORDER_NOT_FOUND            |
 * | not-found of any other call                      | 404    | USER_NOT_FOUND             |
 * | rejected 400 `INVALID_CURSOR`                    | 400    | INVALID_CURSOR             |
 * | rejected 409 `OUT_OF_STOCK`                      | 409    | OUT_OF_STOCK               |
 * | rejected 422 `UNKNOWN_ITEM`                      | 422    | UNKNOWN_ITEM               |
 * | rejected 409                                     | 409    | IDEMPOTENCY_KEY_REUSED     |
 * | unavailable 503 `INVENTORY_UNAVAILABLE`          | 503    | INVENTORY_UNAVAILABLE      |
 * | circuit-open                                     | 503    | ORDER_SERVICE_CIRCUIT_OPEN | + `Retry-After` (seconds)
 * | unavailable                                      | 502    | ORDER_SERVICE_UNAVAILABLE  |
 * | bad-response                                     | 502    | ORDER_SERVICE_BAD_RESPONSE |
 * | rejected                                         | 502    | ORDER_SERVICE_REJECTED     |
 * | timeout                                          | 504    | ORDER_SERVICE_TIMEOUT      |
 *
 * Each failure is logged here, once, with the resource called (and so the user id) and the cause; the answer carries
 * no internals. A 401/403 from the Order Service means the service token is missing or wrong: it is logged as a
 * configuration error.
 */
export function orderServiceFailureProblem(error: unknown): HttpProblem | undefined {
  if (!(error instanceof OrderServiceError)) return undefined;
  if (error.kind === 'not-found' && error.resource.path === ORDER_ROUTES.order) {
    return { status: HttpStatus.NOT_FOUND, error: 'Order not found', code: 'ORDER_NOT_FOUND' };
  }
  // The caller's own mistakes, which only the Order Service could tell: answered as theirs, not as a failure of it.
  if (error.kind === 'rejected' && error.status === 400 && error.providerCode === 'INVALID_CURSOR') {
    return { status: HttpStatus.BAD_REQUEST, error: 'Invalid cursor: not one this history issued', code: 'INVALID_CURSOR' };
  }
  // The Order Service's own provider, the inventory, decided these: the answers are the caller's, passed through.
  const refusal = placementRefusal(error);
  if (refusal && refusal !== ORDER_PLACEMENT_REFUSALS.inventoryUnavailable) return { ...refusal };
  if (error.kind === 'rejected' && error.status === 409) {
    return {
      status: HttpStatus.CONFLICT,
      error: 'Idempotency-Key was used before for another order',
      code: 'IDEMPOTENCY_KEY_REUSED',
    };
  }
  if (error.kind === 'not-found') {
    return { status: HttpStatus.NOT_FOUND, error: 'User not found', code: 'USER_NOT_FOUND' };
  }
  if (error.kind === 'rejected' && (error.status === 401 || error.status === 403)) {
    logger.error(
      `Configuration error: the Order Service refused this service's credentials (${error.status}); ` +
        `check that ORDER_SERVICE_TOKEN is in the Order Service's ${acceptedTokensVariable('order-service', 'user-service')}`,
    );
  } else {
    logger.warn(`${error.code}: ${error.message}`);
  }
  // The Order Service is up but cannot take orders while the inventory is down: try again later, as its 503 says.
  if (refusal) return { ...refusal };
  switch (error.kind) {
    case 'circuit-open':
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Order Service unavailable, not called while it recovers',
        code: 'ORDER_SERVICE_CIRCUIT_OPEN',
        headers: { 'Retry-After': String(Math.ceil((error.retryAfterMs ?? 1) / 1000)) },
      };
    case 'timeout':
      return { status: HttpStatus.GATEWAY_TIMEOUT, error: 'Order Service timed out', code: error.code };
    case 'bad-response':
      return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service sent an invalid response', code: error.code };
    case 'rejected':
      return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service rejected the request', code: error.code };
    case 'unavailable':
      return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service unavailable', code: error.code };
    default:
      // A kind a newer client core may add: still the Order Service's failure.
      return { status: HttpStatus.BAD_GATEWAY, error: 'Order Service call failed', code: error.code };
  }
}

/** The Order Service's answer when it is one of its placement refusals (`ORDER_PLACEMENT_REFUSALS`), matched by status and code. */
function placementRefusal(
  error: OrderServiceError,
): (typeof ORDER_PLACEMENT_REFUSALS)[keyof typeof ORDER_PLACEMENT_REFUSALS] | undefined {
  return Object.values(ORDER_PLACEMENT_REFUSALS).find(
    (refusal) => refusal.status === error.status && refusal.code === error.providerCode,
  );
}
