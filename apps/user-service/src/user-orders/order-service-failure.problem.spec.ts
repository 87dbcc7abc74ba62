import {
  OrderServiceBadResponseError,
  OrderServiceCircuitOpenError,
  OrderServiceError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from '@boundary/order-client';
import { Logger } from '@nestjs/common';
import { orderServiceFailureProblem } from './order-service-failure.problem';

/** An `OrderServiceError` the mapping has no branch for, as a newer client version might add. */
class OrderServiceNewFailureError extends OrderServiceError {
  readonly code = 'ORDER_SERVICE_NEW_FAILURE';
  readonly kind = 'unavailable' as const;
  constructor(userId: string) {
    super('something new went wrong', userId);
  }
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
    [new OrderServiceTimeoutError('u1', 50), 504, 'Order Service timed out', 'ORDER_SERVICE_TIMEOUT'],
    [new OrderServiceBadResponseError('u1', 'x'), 502, 'Order Service sent an invalid response', 'ORDER_SERVICE_BAD_RESPONSE'],
    [new OrderServiceRejectedError('u1', 400), 502, 'Order Service rejected the request', 'ORDER_SERVICE_REJECTED'],
    [new OrderServiceUnavailableError('u1', 503), 502, 'Order Service unavailable', 'ORDER_SERVICE_UNAVAILABLE'],
    [new OrderServiceNewFailureError('u1'), 502, 'Order Service call failed', 'ORDER_SERVICE_NEW_FAILURE'],
  ])('maps %s to %i and logs it once with the user id', (error, status, message, code) => {
    expect(orderServiceFailureProblem(error)).toEqual({ status, error: message, code });
    expect(warn.mock.calls).toEqual([[`${error.name} for user "u1": ${error.message}`]]);
    expect(warn.mock.contexts.map((logger) => (logger as { context?: string }).context)).toEqual(['OrderServiceProblem']);
  });

  it.each([
    [new OrderServiceRejectedError(undefined, 409, { providerCode: 'OUT_OF_STOCK' }), 409, 'Not enough of this item in stock', 'OUT_OF_STOCK'],
    [new OrderServiceRejectedError(undefined, 422, { providerCode: 'UNKNOWN_ITEM' }), 422, 'No such item in the inventory', 'UNKNOWN_ITEM'],
    [
      new OrderServiceRejectedError(undefined, 409, { providerCode: 'IDEMPOTENCY_KEY_REUSED' }),
      409,
      'Idempotency-Key was used before for another order',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  ])('answers the Order Service’s %s as the caller’s own %i, without logging a failure', (failure, status, message, code) => {
    expect(orderServiceFailureProblem(failure)).toEqual({ status, error: message, code });
    expect(warn).not.toHaveBeenCalled();
  });

  it('answers a 503 INVENTORY_UNAVAILABLE as 503 INVENTORY_UNAVAILABLE (try later), logged once', () => {
    const failure = new OrderServiceUnavailableError(undefined, 503, { providerCode: 'INVENTORY_UNAVAILABLE' });
    expect(orderServiceFailureProblem(failure)).toEqual({
      status: 503,
      error: 'Orders cannot be placed now: the inventory is unavailable',
      code: 'INVENTORY_UNAVAILABLE',
    });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a 422 with another code', new OrderServiceRejectedError(undefined, 422, { providerCode: 'SOMETHING_ELSE' })],
    ['a 503 without the inventory’s code', new OrderServiceUnavailableError(undefined, 503)],
  ])('still answers %s as a failure of the Order Service (502)', (_, failure) => {
    expect(orderServiceFailureProblem(failure)).toMatchObject({ status: 502 });
  });

  it('maps OrderServiceNotFoundError to 404 USER_NOT_FOUND without logging: an unknown user is no fault', () => {
    expect(orderServiceFailureProblem(new OrderServiceNotFoundError('u1'))).toEqual({
      status: 404,
      error: 'User not found',
      code: 'USER_NOT_FOUND',
    });
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
    expect(orderServiceFailureProblem(new OrderServiceCircuitOpenError('u1', retryAfterMs))).toEqual({
      status: 503,
      error: 'Order Service unavailable, not called while it recovers',
      code: 'ORDER_SERVICE_CIRCUIT_OPEN',
      headers: { 'Retry-After': seconds },
    });
  });

  it.each([401, 403])('answers %i upstream with 502 and logs it as a configuration error, once', (status) => {
    expect(orderServiceFailureProblem(new OrderServiceRejectedError('u1', status))).toMatchObject({
      status: 502,
      code: 'ORDER_SERVICE_REJECTED',
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Configuration error: .*\(\d{3}\).*ORDER_SERVICE_TOKEN/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs another rejection (400) as a warning, not a configuration error', () => {
    orderServiceFailureProblem(new OrderServiceRejectedError('u1', 400));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });
});
