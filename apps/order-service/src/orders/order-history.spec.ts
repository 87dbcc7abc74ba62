import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import type request from 'supertest';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';

describe.each(TEST_BACKENDS)('Order Service GET /users/:userId/orders on $name', (backend) => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await backend.create();
    // The pagination tests add orders of many items; stock is not their subject.
    service = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true }), {
      inventory: InventoryServiceClientStub.everythingInStock(),
    });
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  const get = (path: string) => service.get(path);

  it('answers user123’s orders as a bare JSON array in the wire shape', async () => {
    const response = await get('/users/user123/orders').expect(200).expect('Content-Type', /application\/json/);
    expect(response.body).toEqual([
      { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' },
      { order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' },
    ]);
    expect(response.headers['link']).toBeUndefined();
  });

  it('answers [] for a known user with no orders', async () => {
    const response = await get('/users/user000/orders').expect(200);
    expect(response.body).toEqual([]);
  });

  it('answers 404 JSON for a user it does not know', async () => {
    const response = await get('/users/user456/orders').expect(404);
    expect(response.body).toEqual({ error: 'Unknown user', code: 'USER_NOT_FOUND', user_id: 'user456' });
  });

  it('decodes a percent-encoded id as one segment', async () => {
    const response = await get('/users/a%2F..%2Fuser123/orders').expect(404);
    expect(response.body.user_id).toBe('a/../user123');
  });

  it.each([
    ['an id over 128 characters', `/users/${'x'.repeat(129)}/orders`, /at most 128/],
    ['a NUL character', '/users/a%00b/orders', /control characters/],
    ['a newline', '/users/a%0Ab/orders', /control characters/],
    ['an empty id', '/users//orders', /must not be empty/],
  ])('answers 400 JSON naming the problem for %s', async (_case, path, message) => {
    const response = await get(path).expect(400).expect('Content-Type', /application\/json/);
    expect(response.body).toMatchObject({ code: 'INVALID_USER_ID', error: expect.stringMatching(message) });
  });

  it('answers 400 JSON, not 500, for malformed percent-encoding', async () => {
    const response = await get('/users/%E0%A4%A/orders').expect(400);
    expect(response.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });

  it('answers 404 JSON for an unknown route', async () => {
    const response = await get('/nope').expect(404);
    expect(response.body).toEqual({ error: 'Cannot GET /nope', code: 'NOT_FOUND' });
  });

  describe('pagination', () => {
    it('pages with ?limit= and links the next page until the last', async () => {
      const first = await get('/users/user123/orders?limit=1').expect(200);
      expect(first.body).toEqual([{ order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' }]);
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers['link'])?.[1];
      expect(next).toMatch(/^\/users\/user123\/orders\?limit=1&cursor=[A-Za-z0-9_-]+$/);
      const second = await get(next as string).expect(200);
      expect(second.body).toEqual([{ order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' }]);
      expect(second.headers['link']).toBeUndefined();
    });

    it('walks a whole history through the Link headers with no gaps or repeats while orders are added', async () => {
      const userId = 'history/walker';
      const created: string[] = [];
      for (let i = 0; i < 25; i++) {
        const response = await service.http().post('/orders').send({ user_id: userId, item: `#${i}`, quantity: 1 });
        created.push(response.body.order_id);
      }
      const seen: string[] = [];
      let next: string | undefined = `/users/${encodeURIComponent(userId)}/orders?limit=4`;
      while (next !== undefined) {
        const page: request.Response = await get(next).expect(200);
        seen.push(...page.body.map((order: { order_id: string }) => order.order_id));
        await service.http().post('/orders').send({ user_id: userId, item: 'newer', quantity: 1 }).expect(201);
        next = /^<([^>]+)>; rel="next"$/.exec(page.headers['link'] ?? '')?.[1];
      }
      expect(seen).toEqual([...created].reverse());
    });

    it.each([
      ['limit=0', /limit: must be at least 1/],
      ['limit=101', /limit: must be at most 100/],
      ['limit=abc', /limit: must be a whole number/],
      ['cursor=!!!', /Invalid cursor/],
      ['cursor=bm90LWpzb24', /Invalid cursor/],
      [`cursor=${Buffer.from(JSON.stringify({ after: 'ord_elsewhere' })).toString('base64url')}`, /Invalid cursor/],
    ])('answers 400 JSON naming the problem for ?%s', async (query, message) => {
      const response = await get(`/users/user123/orders?${query}`).expect(400);
      expect(response.body).toEqual({
        error: expect.stringMatching(message),
        code: expect.stringMatching(/^(INVALID_QUERY|INVALID_CURSOR)$/),
        user_id: 'user123',
      });
    });
  });
});
