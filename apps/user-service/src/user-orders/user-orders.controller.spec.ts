import type { INestApplication } from '@nestjs/common';
import {
  OrderServiceBadResponseError,
  OrderServiceClient,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from '@boundary/order-client';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { of, throwError, type Observable } from 'rxjs';
import { startUserServiceTestApp } from '../user-service.test-app';
import { USER_ORDERS_ANSWERS as ANSWERS } from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — OrderServiceClient overridden', () => {
  let app: INestApplication;
  let get: (path: string) => import('supertest').Test;
  const getUserOrders = jest.fn<Observable<unknown>, [string]>();

  beforeAll(async () => {
    ({ app, get } = await startUserServiceTestApp((builder) =>
      builder.overrideProvider(OrderServiceClient).useValue({ getUserOrders }),
    ));
  });
  afterAll(() => app.close());
  beforeEach(() => getUserOrders.mockReset());

  it.each([
    ['orders', 'user123', () => of(DEMO_ORDERS), ANSWERS.orders],
    ['an empty list with 200, not 500', 'user000', () => of([]), ANSWERS.empty],
    ['OrderServiceNotFoundError with 404', 'user456', (id: string) => throwError(() => new OrderServiceNotFoundError(id)), ANSWERS.notFound],
    [
      'OrderServiceUnavailableError (500 upstream) with 502',
      'user789',
      (id: string) => throwError(() => new OrderServiceUnavailableError(id, 500)),
      ANSWERS.serverError,
    ],
    [
      'OrderServiceUnavailableError (refused) with 502',
      'user123',
      (id: string) => throwError(() => new OrderServiceUnavailableError(id)),
      ANSWERS.refused,
    ],
    [
      'OrderServiceTimeoutError with 504',
      'user123',
      (id: string) => throwError(() => new OrderServiceTimeoutError(id, 50)),
      ANSWERS.timeout,
    ],
    [
      'OrderServiceBadResponseError with 502',
      'user123',
      (id: string) => throwError(() => new OrderServiceBadResponseError(id, 'body is not valid JSON')),
      ANSWERS.badResponse,
    ],
  ])('answers %s', async (_case, userId, answer, expected) => {
    getUserOrders.mockImplementation(answer);
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
    expect(getUserOrders).toHaveBeenCalledWith(userId);
  });

  it('answers OrderServiceRejectedError (e.g. 401 upstream) with 502 ORDER_SERVICE_REJECTED', async () => {
    getUserOrders.mockReturnValue(throwError(() => new OrderServiceRejectedError('user123', 401)));
    const response = await get('/users/user123/orders').expect(502);
    expect(response.body).toEqual({
      error: 'Order Service rejected the request',
      code: 'ORDER_SERVICE_REJECTED',
      user_id: 'user123',
    });
  });

  it('answers an unexpected error with a generic 500 JSON body and no stack trace', async () => {
    getUserOrders.mockReturnValue(throwError(() => new TypeError('secret internals at db.js:12')));
    const response = await get('/users/user123/orders').expect(500);
    expect(response.body).toEqual({ error: 'Internal server error', code: 'INTERNAL_ERROR', user_id: 'user123' });
  });

  it.each([
    ['an empty id', '/users//orders', /must not be empty/, ''],
    ['an id over 128 characters', `/users/${'x'.repeat(129)}/orders`, /at most 128/, 'x'.repeat(129)],
    ['a control character', '/users/a%01b/orders', /control characters/, 'a\u0001b'],
  ])('answers 400 for %s without calling the Order Service', async (_case, path, message, userId) => {
    const response = await get(path).expect(400);
    expect(response.body).toEqual({
      error: expect.stringMatching(message),
      code: 'INVALID_USER_ID',
      ...(userId ? { user_id: userId } : {}),
    });
    expect(getUserOrders).not.toHaveBeenCalled();
  });

  it('answers 400 JSON for malformed percent-encoding', async () => {
    const response = await get('/users/%E0%A4%A/orders').expect(400);
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST' });
    expect(getUserOrders).not.toHaveBeenCalled();
  });
});
