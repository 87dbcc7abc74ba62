import type { INestApplication } from '@nestjs/common';
import { OrderServiceClientStub } from '@boundary/order-client/testing';
import request from 'supertest';
import { startUserServiceTestApp, withOrderServiceClient, type UserServiceTestApp } from '../user-service.test-app';
import { answerOf, sendTo, USER_ORDER_SCENARIOS } from './user-order.scenarios';
import { USER_ORDERS_SCENARIOS } from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — OrderServiceClient overridden', () => {
  const stub = new OrderServiceClientStub();
  let app: INestApplication;
  let get: UserServiceTestApp['get'];
  let testApp: UserServiceTestApp;

  beforeAll(async () => ({ app, get } = testApp = await startUserServiceTestApp(withOrderServiceClient(stub))));
  afterAll(() => app.close());
  afterEach(() => {
    stub.verify();
    stub.reset();
  });

  it.each(USER_ORDERS_SCENARIOS)('answers $outcome as documented', async ({ userId, client, expected }) => {
    client(stub);
    const response = await get(`/users/${userId}/orders`);
    expect({ status: response.status, body: response.body }).toEqual(expected);
    expect(stub.calls).toEqual([userId]);
  });

  it('answers an unexpected error with a generic 500 JSON body and no stack trace', async () => {
    stub.forUser('user123').failsWith(new TypeError('secret internals at db.js:12'));
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
    expect(stub.calls).toEqual([]);
  });

  it('answers 400 for the id ".." (would reach another resource) without calling the Order Service', async () => {
    // Over a real socket: `inject()` parses the path as a WHATWG URL, which collapses `%2E%2E` before the app sees it.
    const response = await request(app.getHttpServer()).get('/users/%2E%2E/orders').expect(400);
    expect(response.body).toEqual({ error: expect.stringMatching(/must not be "\." or "\.\."/), code: 'INVALID_USER_ID', user_id: '..' });
    expect(stub.calls).toEqual([]);
  });

  it('answers 400 JSON for malformed percent-encoding', async () => {
    const response = await get('/users/%E0%A4%A/orders').expect(400);
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST' });
    expect(stub.calls).toEqual([]);
  });

  describe('pages, one order and new orders', () => {
    it.each(USER_ORDER_SCENARIOS)('answers $outcome as documented', async ({ request, client, expected }) => {
      client(stub);
      const response = await sendTo(testApp, request);
      expect(answerOf(response, expected)).toEqual(expected);
      expect(stub.history).toHaveLength(1);
    });

    it('generates an Idempotency-Key when the caller sends none, so the client may retry the POST', async () => {
      stub.forNewOrder('user123').returns({ order: { order_id: 'o1', user_id: 'user123', item: 'Mouse', quantity: 2, status: 'placed' }, created: true });
      await testApp.post('/users/user123/orders', { item: 'Mouse', quantity: 2 }).expect(201);
      const [body, options] = stub.history[0].args as [unknown, { idempotencyKey: string }];
      expect(body).toEqual({ user_id: 'user123', item: 'Mouse', quantity: 2 });
      expect(options.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it.each([
      ['a limit of 0', '/users/user123/orders?limit=0', 'INVALID_QUERY', /limit: must be at least 1/],
      ['a limit over 100', '/users/user123/orders?limit=101', 'INVALID_QUERY', /limit: must be at most 100/],
      ['a limit that is not a number', '/users/user123/orders?limit=ten', 'INVALID_QUERY', /limit: must be a whole number/],
      ['an empty cursor', '/users/user123/orders?cursor=', 'INVALID_QUERY', /cursor: must not be empty/],
      ['a cursor over 512 characters', `/users/user123/orders?cursor=${'c'.repeat(513)}`, 'INVALID_QUERY', /cursor: is too long/],
      ['an order id over 128 characters', `/users/user123/orders/${'o'.repeat(129)}`, 'INVALID_ORDER_ID', /order id/],
      ['an order id with a control character', '/users/user123/orders/o%01', 'INVALID_ORDER_ID', /control characters/],
    ])('answers 400 naming the field for %s, without calling the Order Service', async (_case, path, code, message) => {
      const response = await get(path).expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(message), code, user_id: 'user123' });
      expect(stub.history).toEqual([]);
    });

    it.each([
      ['no item', { quantity: 1 }, /item/],
      ['a quantity of 0', { item: 'Mouse', quantity: 0 }, /quantity/],
      ['an item over 200 characters', { item: 'x'.repeat(201), quantity: 1 }, /item/],
      ['an unknown field (user_id comes from the path)', { user_id: 'user456', item: 'Mouse', quantity: 1 }, /user_id|Unrecognized/],
    ])('answers 400 INVALID_ORDER for a body with %s, without calling the Order Service', async (_case, body, message) => {
      const response = await testApp.post('/users/user123/orders', body).expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(message), code: 'INVALID_ORDER', user_id: 'user123' });
      expect(stub.history).toEqual([]);
    });

    it('answers 400 INVALID_IDEMPOTENCY_KEY for a key with spaces, without calling the Order Service', async () => {
      const response = await testApp.post('/users/user123/orders', { item: 'Mouse', quantity: 1 }).set('Idempotency-Key', 'a key').expect(400);
      expect(response.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY', error: expect.stringMatching(/Idempotency-Key/) });
      expect(stub.history).toEqual([]);
    });
  });
});
