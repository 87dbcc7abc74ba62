import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { HttpServiceDouble } from '@boundary/testing';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, withHttpService, type UserServiceTestApp } from '../user-service.test-app';
import { USER_ORDERS_ANSWERS } from './user-orders.scenarios';

/** The pact the Order Service verified (`nx verify order-service`): what the double plays is what the provider proved. */
const PACT = join(__dirname, '../../../../pacts/user-service-order-service.json');

describe('User Service GET /users/:userId/orders — HttpService overridden with the verified pact', () => {
  const http = HttpServiceDouble.fromPact(PACT, {
    origin: TEST_ORDER_SERVICE_URL,
    states: ['user user123 has 2 orders', 'user user000 has no orders', 'user user456 does not exist'],
  });
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => ({ app, get } = await startUserServiceTestApp(withHttpService(http))));
  afterAll(() => app.close());
  afterEach(() => (http.requests.length = 0));

  it.each([
    [
      'user user123 has 2 orders',
      'user123',
      { status: 200, body: { user_id: 'user123', orders: [{ order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' }] } },
    ],
    ['user user000 has no orders', 'user000', USER_ORDERS_ANSWERS.empty],
    ['user user456 does not exist', 'user456', USER_ORDERS_ANSWERS.notFound],
  ])('in the provider state "%s": answers as documented, through the real client', async (_state, userId, expected) => {
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
    expect(http.requests).toEqual([expect.objectContaining({ method: 'GET', url: `${TEST_ORDER_SERVICE_URL}/users/${userId}/orders` })]);
  });

  it('refuses the pact’s invalid user id itself, without calling the Order Service', async () => {
    const response = await get(`/users/${'x'.repeat(129)}/orders`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'INVALID_USER_ID' });
    expect(http.requests).toEqual([]);
  });
});

describe('User Service GET /users/:userId/orders — HttpService overridden with the verified pact, a backordered order', () => {
  const http = HttpServiceDouble.fromPact(PACT, { origin: TEST_ORDER_SERVICE_URL, states: ['user user-with-backorder has a backordered order'] });
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => ({ app, get } = await startUserServiceTestApp(withHttpService(http))));
  afterAll(() => app.close());

  it('shows the order the provider proved backordered as backordered', async () => {
    const response = await get('/users/user-with-backorder/orders');
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: { user_id: 'user-with-backorder', orders: [{ order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'backordered' }] },
    });
  });
});
