import type { INestApplication } from '@nestjs/common';
import { answersOrders } from '@boundary/order-client/testing';
import { HttpInterception, replyWith } from '@boundary/testing';
import nock from 'nock';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, TEST_TIMEOUT_MS, type UserServiceTestApp } from '../user-service.test-app';
import { answerOf, sendTo, USER_ORDER_SCENARIOS } from './user-order.scenarios';
import { HOSTILE_USER_ID, HOSTILE_USER_ID_PATH, HOSTILE_USER_ID_REQUEST, USER_ORDERS_SCENARIOS } from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — real endpoint, HTTP intercepted by nock', () => {
  const interception = new HttpInterception();
  let app: INestApplication;
  let get: UserServiceTestApp['get'];
  let testApp: UserServiceTestApp;

  beforeAll(async () => ({ app, get } = testApp = await startUserServiceTestApp(undefined, TEST_TIMEOUT_MS.network)));
  afterAll(() => app.close());
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  const orderService = (path: string) =>
    nock(TEST_ORDER_SERVICE_URL, { reqheaders: { accept: 'application/json' } }).get(path);

  it.each(USER_ORDERS_SCENARIOS)('answers $outcome as documented', async ({ userId, upstream, expected }) => {
    replyWith(orderService(`/users/${userId}/orders`), upstream);
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
  });

  it('sends an id that needs encoding as one path segment with no query', async () => {
    replyWith(orderService(HOSTILE_USER_ID_PATH).query({}), answersOrders([]));
    const response = await get(HOSTILE_USER_ID_REQUEST).expect(200);
    expect(response.body).toEqual({ user_id: HOSTILE_USER_ID, orders: [] });
  });

  describe('pages, one order and new orders', () => {
    it.each(USER_ORDER_SCENARIOS)('answers $outcome as documented', async ({ request, sent, upstream, expected }) => {
      const scope = nock(TEST_ORDER_SERVICE_URL, { reqheaders: { accept: 'application/json', ...sent.headers } });
      const interceptor =
        sent.method === 'GET' ? scope.get(sent.path).query(sent.query ?? {}) : scope.post(sent.path, sent.body as nock.RequestBodyMatcher);
      replyWith(interceptor, upstream);
      const response = await sendTo(testApp, request);
      expect(answerOf(response, expected)).toEqual(expected);
    });
  });
});
