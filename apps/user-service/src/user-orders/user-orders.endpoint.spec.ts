import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { HttpInterception } from '@boundary/order-client/testing';
import nock from 'nock';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, TEST_TIMEOUT_MS } from '../user-service.test-app';
import {
  HOSTILE_USER_ID,
  HOSTILE_USER_ID_PATH,
  HOSTILE_USER_ID_REQUEST,
  USER_ORDERS_ANSWERS as ANSWERS,
} from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — real endpoint, HTTP intercepted by nock', () => {
  const interception = new HttpInterception();
  let app: INestApplication;
  let get: (path: string) => import('supertest').Test;

  beforeAll(async () => {
    ({ app, get } = await startUserServiceTestApp(undefined, TEST_TIMEOUT_MS.network));
  });
  afterAll(() => app.close());
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  const orderService = () => nock(TEST_ORDER_SERVICE_URL, { reqheaders: { accept: 'application/json' } });

  it.each([
    ['user123’s orders', 'user123', (s: nock.Interceptor) => s.reply(200, DEMO_ORDERS), ANSWERS.orders],
    ['an empty history', 'user000', (s: nock.Interceptor) => s.reply(200, []), ANSWERS.empty],
    ['404', 'user456', (s: nock.Interceptor) => s.reply(404, { error: 'Unknown user' }), ANSWERS.notFound],
    ['500 Internal Server Error', 'user789', (s: nock.Interceptor) => s.reply(500, 'Internal Server Error'), ANSWERS.serverError],
    [
      'a refused connection',
      'user123',
      (s: nock.Interceptor) => s.replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
      ANSWERS.refused,
    ],
    ['an answer slower than the timeout', 'user123', (s: nock.Interceptor) => s.delay(TEST_TIMEOUT_MS.network * 4).reply(200, []), ANSWERS.timeout],
    [
      'malformed JSON',
      'user123',
      (s: nock.Interceptor) => s.reply(200, '[{"order_id":', { 'Content-Type': 'application/json' }),
      ANSWERS.badResponse,
    ],
    [
      'an off-contract body',
      'user123',
      (s: nock.Interceptor) => s.reply(200, [{ order_id: 'ord001', item: 'Laptop' }]),
      ANSWERS.badResponse,
    ],
  ])('answers %s as documented', async (_case, userId, reply, expected) => {
    reply(orderService().get(`/users/${userId}/orders`));
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
  });

  it('sends an id that needs encoding as one path segment with no query', async () => {
    orderService().get(HOSTILE_USER_ID_PATH).query({}).reply(200, []);
    const response = await get(HOSTILE_USER_ID_REQUEST).expect(200);
    expect(response.body).toEqual({ user_id: HOSTILE_USER_ID, orders: [] });
  });
});
