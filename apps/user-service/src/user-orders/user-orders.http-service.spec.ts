import { HttpService } from '@nestjs/axios';
import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { axiosHttpError, axiosNetworkError, axiosResponse } from '@boundary/order-client/testing';
import { NEVER, of, throwError, type Observable } from 'rxjs';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL } from '../user-service.test-app';
import {
  HOSTILE_USER_ID,
  HOSTILE_USER_ID_PATH,
  HOSTILE_USER_ID_REQUEST,
  USER_ORDERS_ANSWERS as ANSWERS,
} from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — HttpService overridden', () => {
  let app: INestApplication;
  let get: (path: string) => import('supertest').Test;
  const httpGet = jest.fn<Observable<unknown>, [string, unknown]>();

  beforeAll(async () => {
    ({ app, get } = await startUserServiceTestApp((builder) =>
      builder.overrideProvider(HttpService).useValue({ get: httpGet }),
    ));
  });
  afterAll(() => app.close());
  beforeEach(() => httpGet.mockReset());

  it('asks the Order Service with one GET to the user’s orders URL, accepting JSON', async () => {
    httpGet.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));
    await get('/users/user123/orders').expect(200);
    expect(httpGet.mock.calls).toEqual([
      [
        `${TEST_ORDER_SERVICE_URL}/users/user123/orders`,
        expect.objectContaining({ headers: expect.objectContaining({ Accept: 'application/json' }) }),
      ],
    ]);
  });

  it.each([
    ['user123’s orders', 'user123', () => of(axiosResponse(DEMO_ORDERS)), ANSWERS.orders],
    ['an empty history', 'user000', () => of(axiosResponse([])), ANSWERS.empty],
    ['404 from the Order Service', 'user456', () => throwError(() => axiosHttpError(404)), ANSWERS.notFound],
    [
      '500 Internal Server Error from the Order Service',
      'user789',
      () => throwError(() => axiosHttpError(500, 'Internal Server Error')),
      ANSWERS.serverError,
    ],
    ['a refused connection', 'user123', () => throwError(() => axiosNetworkError('ECONNREFUSED')), ANSWERS.refused],
    ['no answer at all', 'user123', () => NEVER, ANSWERS.timeout],
    ['malformed JSON', 'user123', () => of(axiosResponse('[{"order_id":')), ANSWERS.badResponse],
    [
      'an off-contract body',
      'user123',
      () => of(axiosResponse([{ order_id: 'ord001', item: 'Laptop', quantity: '1' }])),
      ANSWERS.badResponse,
    ],
  ])('answers %s as documented', async (_case, userId, answer, expected) => {
    httpGet.mockImplementation(answer);
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
  });

  it('passes an id that needs encoding to the Order Service as one path segment', async () => {
    httpGet.mockReturnValue(of(axiosResponse([])));
    const response = await get(HOSTILE_USER_ID_REQUEST).expect(200);
    expect(response.body).toEqual({ user_id: HOSTILE_USER_ID, orders: [] });
    expect(httpGet.mock.calls[0][0]).toBe(`${TEST_ORDER_SERVICE_URL}${HOSTILE_USER_ID_PATH}`);
  });
});
