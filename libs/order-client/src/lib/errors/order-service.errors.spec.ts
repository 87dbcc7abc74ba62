import {
  OrderServiceBadResponseError,
  OrderServiceError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from './index';

describe('OrderServiceError subclasses', () => {
  const cause = new Error('underlying');

  it.each([
    [
      new OrderServiceNotFoundError('u"1', { cause }),
      'OrderServiceNotFoundError',
      'ORDER_SERVICE_USER_NOT_FOUND',
      'Order Service does not know user "u\\"1"',
    ],
    [
      new OrderServiceUnavailableError('u"1', 503, { cause }),
      'OrderServiceUnavailableError',
      'ORDER_SERVICE_UNAVAILABLE',
      'Order Service answered 503 for user "u\\"1"',
    ],
    [
      new OrderServiceUnavailableError('u"1', undefined, { cause }),
      'OrderServiceUnavailableError',
      'ORDER_SERVICE_UNAVAILABLE',
      'Order Service unreachable for user "u\\"1"',
    ],
    [
      new OrderServiceTimeoutError('u"1', 250, { cause }),
      'OrderServiceTimeoutError',
      'ORDER_SERVICE_TIMEOUT',
      'Order Service did not answer within 250 ms for user "u\\"1"',
    ],
    [
      new OrderServiceBadResponseError('u"1', '0.quantity: too small', { cause }),
      'OrderServiceBadResponseError',
      'ORDER_SERVICE_BAD_RESPONSE',
      'Order Service sent an off-contract response for user "u\\"1": 0.quantity: too small',
    ],
    [
      new OrderServiceRejectedError('u"1', 401, { cause }),
      'OrderServiceRejectedError',
      'ORDER_SERVICE_REJECTED',
      'Order Service rejected the call for user "u\\"1" with 401',
    ],
  ])('%s carries its name, code, message, user id and cause', (error, name, code, message) => {
    expect(error).toBeInstanceOf(OrderServiceError);
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, code: error.code, message: error.message, userId: error.userId, cause: error.cause }).toEqual({
      name,
      code,
      message,
      userId: 'u"1',
      cause,
    });
  });
});

describe('an OrderServiceError for a call not made for a user', () => {
  it('names the resource called as its subject', () => {
    const resource = { method: 'GET', path: '/orders/{orderId}', params: { orderId: 'o1' } };
    const error = new OrderServiceNotFoundError(undefined, { resource });
    expect(error).toMatchObject({ userId: undefined, resource, message: 'Order Service does not know GET /orders/{orderId} (orderId "o1")' });
  });

  it('speaks of "a call" when it knows no resource either', () => {
    expect(new OrderServiceUnavailableError(undefined, 503).message).toBe('Order Service answered 503 for a call');
  });
});
