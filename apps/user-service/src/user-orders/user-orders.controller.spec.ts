import type { INestApplication } from '@nestjs/common';
import { OrderServiceClientStub } from '@boundary/order-client/testing';
import request from 'supertest';
import { startUserServiceTestApp, withOrderServiceClient, type UserServiceTestApp } from '../user-service.test-app';
import { USER_ORDERS_SCENARIOS } from './user-orders.scenarios';

describe('User Service GET /users/:userId/orders — OrderServiceClient overridden', () => {
  const stub = new OrderServiceClientStub();
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => ({ app, get } = await startUserServiceTestApp(withOrderServiceClient(stub))));
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
});
