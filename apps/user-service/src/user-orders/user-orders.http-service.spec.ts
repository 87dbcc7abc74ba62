import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answersOrders } from '@boundary/order-client/testing';
import { HttpServiceDouble } from '@boundary/testing';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, withHttpService, type UserServiceTestApp } from '../user-service.test-app';
import { answerOf, sendTo, USER_ORDER_SCENARIOS } from './user-order.scenarios';
import { HOSTILE_USER_ID, HOSTILE_USER_ID_PATH, HOSTILE_USER_ID_REQUEST, USER_ORDERS_SCENARIOS } from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — HttpService overridden', () => {
  const http = new HttpServiceDouble(TEST_ORDER_SERVICE_URL);
  let app: INestApplication;
  let get: UserServiceTestApp['get'];
  let testApp: UserServiceTestApp;

  beforeAll(async () => ({ app, get } = testApp = await startUserServiceTestApp(withHttpService(http))));
  afterAll(() => app.close());
  afterEach(() => {
    http.verifyAllUsed();
    http.reset();
  });

  it('asks the Order Service with one GET to the user’s orders URL, accepting JSON', async () => {
    http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS));
    await get('/users/user123/orders').expect(200);
    expect(http.requests).toEqual([
      {
        method: 'GET',
        url: `${TEST_ORDER_SERVICE_URL}/users/user123/orders`,
        headers: expect.objectContaining({ accept: 'application/json' }),
      },
    ]);
  });

  it.each(USER_ORDERS_SCENARIOS)('answers $outcome as documented', async ({ userId, upstream, expected }) => {
    http.on('GET', `/users/${userId}/orders`, upstream);
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
  });

  it('passes an id that needs encoding to the Order Service as one path segment', async () => {
    http.on('GET', HOSTILE_USER_ID_PATH, answersOrders([]));
    const response = await get(HOSTILE_USER_ID_REQUEST).expect(200);
    expect(response.body).toEqual({ user_id: HOSTILE_USER_ID, orders: [] });
    expect(http.requests[0].url).toBe(`${TEST_ORDER_SERVICE_URL}${HOSTILE_USER_ID_PATH}`);
  });

  describe('pages, one order and new orders', () => {
    it.each(USER_ORDER_SCENARIOS)('answers $outcome as documented', async ({ request, sent, upstream, expected }) => {
      http.on(sent.method, sent.path, upstream, { query: sent.query, headers: sent.headers });
      const response = await sendTo(testApp, request);
      expect(answerOf(response, expected)).toEqual(expected);
      expect(http.requests.map(({ body }) => body)).toEqual([sent.body]);
    });
  });
});
