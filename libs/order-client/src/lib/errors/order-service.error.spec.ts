import { ProviderCallError, type ProviderFailure } from '@boundary/client-core';
import { ORDER_SERVICE_CALLS } from '../order-service.calls';
import { OrderServiceError } from './order-service.error';

const cause = new Error('underlying');
const userOrders = ORDER_SERVICE_CALLS.userOrders('u"1');
const FOR_USER = 'for GET /users/{userId}/orders (userId "u\\"1")';

describe('OrderServiceError — the Order Service client’s one error class', () => {
  it.each<[ProviderFailure, string, string]>([
    [{ kind: 'not-found', resource: userOrders, cause, status: 404 }, 'ORDER_SERVICE_NOT_FOUND', `Order Service answered 404 ${FOR_USER}`],
    [{ kind: 'unavailable', resource: userOrders, cause, status: 503 }, 'ORDER_SERVICE_UNAVAILABLE', `Order Service answered 503 ${FOR_USER}`],
    [{ kind: 'unavailable', resource: userOrders, cause }, 'ORDER_SERVICE_UNAVAILABLE', `Order Service was unreachable ${FOR_USER}`],
    [
      { kind: 'timeout', resource: userOrders, cause, timeoutMs: 250 },
      'ORDER_SERVICE_TIMEOUT',
      `Order Service did not answer within 250 ms ${FOR_USER}`,
    ],
    [
      { kind: 'bad-response', resource: userOrders, cause, reason: '0.quantity: too small' },
      'ORDER_SERVICE_BAD_RESPONSE',
      `Order Service sent an off-contract response (0.quantity: too small) ${FOR_USER}`,
    ],
    [
      { kind: 'rejected', resource: userOrders, cause, status: 401 },
      'ORDER_SERVICE_REJECTED',
      `Order Service rejected the call with 401 ${FOR_USER}`,
    ],
    [
      { kind: 'circuit-open', resource: userOrders, cause, retryAfterMs: 4_000 },
      'ORDER_SERVICE_CIRCUIT_OPEN',
      `Order Service circuit open: failing fast for 4000 ms ${FOR_USER}`,
    ],
  ])('carries its name, code, message, user id and cause (%o)', (failure, code, message) => {
    const error = new OrderServiceError(failure);
    expect(error).toBeInstanceOf(ProviderCallError);
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, code: error.code, message: error.message, userId: error.resource.params['userId'], cause: error.cause }).toEqual({
      name: 'OrderServiceError',
      code,
      message,
      userId: 'u"1',
      cause,
    });
  });

  it('names the resource called, without a user, for a call not made for one', () => {
    const error = new OrderServiceError({ kind: 'not-found', resource: ORDER_SERVICE_CALLS.order('o1'), status: 404 });
    expect(error).toMatchObject({
      resource: { method: 'GET', path: '/orders/{orderId}', params: { orderId: 'o1' } },
      message: 'Order Service answered 404 for GET /orders/{orderId} (orderId "o1")',
    });
    expect(error.resource.params).not.toHaveProperty('userId');
  });
});
