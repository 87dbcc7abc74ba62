import { OrderServiceError } from '@boundary/order-client';
import { ORDER_SERVICE_CALLS } from '@boundary/order-client/testing';
import { Logger } from '@nestjs/common';
import { orderServiceFailureProblem } from './order-service-failure.problem';

const forUser = ORDER_SERVICE_CALLS.userOrders('u1');
const newOrder = ORDER_SERVICE_CALLS.createOrder();

/** An `OrderServiceError` of a kind the mapping has no branch for, as a newer client core might add. */
function ofANewerKind(): OrderServiceError {
  const error = new OrderServiceError({ kind: 'unavailable', resource: forUser });
  return Object.defineProperties(error, { kind: { value: 'new-failure' }, code: { value: 'ORDER_SERVICE_NEW_FAILURE' } });
}

describe('orderServiceFailureProblem — the one mapping from Order Service failures to answers', () => {
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [new OrderServiceError({ kind: 'timeout', resource: forUser, timeoutMs: 50 }), 504, 'Order Service timed out', 'ORDER_SERVICE_TIMEOUT'],
    [
      new OrderServiceError({ kind: 'bad-response', resource: forUser, reason: 'x' }),
      502,
      'Order Service sent an invalid response',
      'ORDER_SERVICE_BAD_RESPONSE',
    ],
    [new OrderServiceError({ kind: 'rejected', resource: forUser, status: 400 }), 502, 'Order Service rejected the request', 'ORDER_SERVICE_REJECTED'],
    [new OrderServiceError({ kind: 'unavailable', resource: forUser, status: 503 }), 502, 'Order Service unavailable', 'ORDER_SERVICE_UNAVAILABLE'],
    [ofANewerKind(), 502, 'Order Service call failed', 'ORDER_SERVICE_NEW_FAILURE'],
  ])('maps %s to %i and logs it once with the user id', (error, status, message, code) => {
    expect(orderServiceFailureProblem(error)).toEqual({ status, error: message, code });
    expect(warn.mock.calls).toEqual([[`${code}: ${error.message}`]]);
    expect(error.message).toContain('(userId "u1")');
    expect(warn.mock.contexts.map((logger) => (logger as { context?: string }).context)).toEqual(['OrderServiceProblem']);
  });

  it.each([
    [
      new OrderServiceError({ kind: 'rejected', resource: newOrder, status: 409, providerCode: 'OUT_OF_STOCK' }),
      409,
      'Not enough of this item in stock',
      'OUT_OF_STOCK',
    ],
    [
      new OrderServiceError({ kind: 'rejected', resource: newOrder, status: 422, providerCode: 'UNKNOWN_ITEM' }),
      422,
      'No such item in the inventory',
      'UNKNOWN_ITEM',
    ],
    [
      new OrderServiceError({ kind: 'rejected', resource: newOrder, status: 409, providerCode: 'IDEMPOTENCY_KEY_REUSED' }),
      409,
      'Idempotency-Key was used before for another order',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  ])('answers the Order Service’s %s as the caller’s own %i, without logging a failure', (failure, status, message, code) => {
    expect(orderServiceFailureProblem(failure)).toEqual({ status, error: message, code });
    expect(warn).not.toHaveBeenCalled();
  });

  it('answers a 503 INVENTORY_UNAVAILABLE as 503 INVENTORY_UNAVAILABLE (try later), logged once', () => {
    const failure = new OrderServiceError({ kind: 'unavailable', resource: newOrder, status: 503, providerCode: 'INVENTORY_UNAVAILABLE' });
    expect(orderServiceFailureProblem(failure)).toEqual({
      status: 503,
      error: 'Orders cannot be placed now: the inventory is unavailable',
      code: 'INVENTORY_UNAVAILABLE',
    });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a 422 with another code', new OrderServiceError({ kind: 'rejected', resource: newOrder, status: 422, providerCode: 'SOMETHING_ELSE' })],
    ['a 503 without the inventory’s code', new OrderServiceError({ kind: 'unavailable', resource: newOrder, status: 503 })],
  ])('still answers %s as a failure of the Order Service (502)', (_, failure) => {
    expect(orderServiceFailureProblem(failure)).toMatchObject({ status: 502 });
  });

  it('maps a not-found of the user’s history to 404 USER_NOT_FOUND without logging: an unknown user is no fault', () => {
    expect(orderServiceFailureProblem(new OrderServiceError({ kind: 'not-found', resource: forUser, status: 404 }))).toEqual({
      status: 404,
      error: 'User not found',
      code: 'USER_NOT_FOUND',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('tells an unknown order from an unknown user by the resource called: GET /orders/{orderId} is ORDER_NOT_FOUND', () => {
    const failure = new OrderServiceError({ kind: 'not-found', resource: ORDER_SERVICE_CALLS.order('ord404'), status: 404 });
    expect(orderServiceFailureProblem(failure)).toEqual({ status: 404, error: 'Order not found', code: 'ORDER_NOT_FOUND' });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([new Error('boom'), 'a string', undefined])('leaves %p to the generic handling', (error) => {
    expect(orderServiceFailureProblem(error)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    [4_000, '4'],
    [4_001, '5'],
    [1, '1'],
  ])('answers an open breaker (%i ms left) with 503 and Retry-After %s seconds', (retryAfterMs, seconds) => {
    expect(orderServiceFailureProblem(new OrderServiceError({ kind: 'circuit-open', resource: forUser, retryAfterMs }))).toEqual({
      status: 503,
      error: 'Order Service unavailable, not called while it recovers',
      code: 'ORDER_SERVICE_CIRCUIT_OPEN',
      headers: { 'Retry-After': seconds },
    });
  });

  it.each([401, 403])('answers %i upstream with 502 and logs it as a configuration error, once', (status) => {
    expect(orderServiceFailureProblem(new OrderServiceError({ kind: 'rejected', resource: forUser, status }))).toMatchObject({
      status: 502,
      code: 'ORDER_SERVICE_REJECTED',
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Configuration error: .*\(\d{3}\).*ORDER_SERVICE_TOKEN/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs another rejection (400) as a warning, not a configuration error', () => {
    orderServiceFailureProblem(new OrderServiceError({ kind: 'rejected', resource: forUser, status: 400 }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});
