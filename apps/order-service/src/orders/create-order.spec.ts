import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';

describe.each(TEST_BACKENDS)('Order Service POST /orders and GET /orders/:orderId on $name', (backend) => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await backend.create();
    service = await startOrderServiceTestApp(testDatabase.options());
    // Every item these tests order, stocked: what the inventory answers is the subject of place-order.inventory.spec.ts.
    for (const item of ['Keyboard', 'Monitor', 'Desk', 'Cable', 'Router']) service.inventory.stocks(item, 1_000);
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  const post = (body: unknown, idempotencyKey?: string) => {
    const test = service.http().post('/orders');
    if (idempotencyKey !== undefined) test.set('Idempotency-Key', idempotencyKey);
    return test.send(body as object);
  };

  it('answers 201 with the order and its Location, and the order is then readable there', async () => {
    const response = await post({ user_id: 'buyer', item: 'Keyboard', quantity: 2 }).expect(201);
    expect(response.body).toEqual({ order_id: expect.any(String), user_id: 'buyer', item: 'Keyboard', quantity: 2, status: 'placed' });
    expect(response.headers['location']).toBe(`/orders/${response.body.order_id}`);
    const read = await service.get(response.headers['location']).expect(200);
    expect(read.body).toEqual(response.body);
    expect((await service.get('/users/buyer/orders').expect(200)).body).toEqual([
      { order_id: response.body.order_id, item: 'Keyboard', quantity: 2, status: 'placed' },
    ]);
  });

  it('answers 404 JSON for an order it does not have', async () => {
    const response = await service.get('/orders/ord_nope').expect(404);
    expect(response.body).toEqual({ error: 'Unknown order', code: 'ORDER_NOT_FOUND' });
  });

  it('answers 400 JSON for an order id over 128 characters', async () => {
    const response = await service.get(`/orders/${'o'.repeat(129)}`).expect(400);
    expect(response.body).toEqual({ error: expect.stringMatching(/at most 128/), code: 'INVALID_ORDER_ID' });
  });

  describe('validation', () => {
    const valid = { user_id: 'buyer', item: 'Laptop', quantity: 1 };

    it.each([
      ['an unknown field', { ...valid, colour: 'red' }, /colour/],
      ['quantity as a string', { ...valid, quantity: '1' }, /^Invalid order: quantity: /],
      ['quantity 0', { ...valid, quantity: 0 }, /^Invalid order: quantity: /],
      ['a negative quantity', { ...valid, quantity: -1 }, /^Invalid order: quantity: /],
      ['an item over 200 characters', { ...valid, item: 'x'.repeat(201) }, /^Invalid order: item: .*200/],
      ['a NUL in the item', { ...valid, item: 'a\u0000b' }, /^Invalid order: item: .*control/],
      ['a missing user_id', { item: 'x', quantity: 1 }, /^Invalid order: user_id: /],
      ['a JSON array', [valid], /^Invalid order: .*object/],
      ['JSON null', null, /^Invalid order/],
    ])('answers 400 JSON naming the field for %s', async (_case, body, message) => {
      const response = await service
        .http()
        .post('/orders')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(message), code: 'INVALID_ORDER' });
    });

    it('answers 400 JSON for malformed JSON', async () => {
      const response = await service
        .http()
        .post('/orders')
        .set('Content-Type', 'application/json')
        .send('{"user_id": "buyer",')
        .expect(400);
      expect(response.body).toEqual({ error: expect.any(String), code: 'BAD_REQUEST' });
    });

    it('answers 400 JSON for an empty JSON body', async () => {
      const response = await service.http().post('/orders').set('Content-Type', 'application/json').expect(400);
      expect(response.body).toEqual({ error: expect.any(String), code: 'BAD_REQUEST' });
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
      'answers 415 JSON for a %s body',
      async (contentType) => {
        const response = await service
          .http()
          .post('/orders')
          .set('Content-Type', contentType)
          .send('user_id=buyer&item=x&quantity=1')
          .expect(415);
        expect(response.body).toEqual({ error: expect.any(String), code: 'UNSUPPORTED_MEDIA_TYPE' });
      },
    );

    it('answers 413 JSON for a body over 100 kB', async () => {
      const response = await post({ ...valid, item: 'x'.repeat(101 * 1024) }).expect(413);
      expect(response.body).toEqual({ error: expect.any(String), code: 'PAYLOAD_TOO_LARGE' });
    });

    it('answers 400 JSON for an invalid Idempotency-Key', async () => {
      const response = await post(valid, 'k'.repeat(256)).expect(400);
      expect(response.body).toEqual({
        error: expect.stringMatching(/^Invalid Idempotency-Key header: .*255/),
        code: 'INVALID_IDEMPOTENCY_KEY',
      });
    });
  });

  describe('with an Idempotency-Key', () => {
    it('answers a repeat of the same body with the same order and 200', async () => {
      const body = { user_id: 'retry-user', item: 'Monitor', quantity: 1 };
      const first = await post(body, 'key-repeat').expect(201);
      const again = await post(body, 'key-repeat').expect(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['location']).toBe(first.headers['location']);
    });

    it('answers 409 JSON for the same key with a different body', async () => {
      await post({ user_id: 'retry-user', item: 'Desk', quantity: 1 }, 'key-conflict').expect(201);
      const response = await post({ user_id: 'retry-user', item: 'Desk', quantity: 2 }, 'key-conflict').expect(409);
      expect(response.body).toEqual({ error: expect.stringMatching(/different/), code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('creates exactly one order for 50 concurrent requests with one key', async () => {
      const body = { user_id: 'burst-user', item: 'Cable', quantity: 5 };
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(body, 'key-burst')));
      expect(responses.map((response) => response.status).sort()).toEqual([...Array(49).fill(200), 201]);
      expect(new Set(responses.map((response) => response.body.order_id)).size).toBe(1);
      expect((await service.get('/users/burst-user/orders').expect(200)).body).toHaveLength(1);
    });

    // Only a server can be shared by two instances; an embedded database belongs to one process.
    if (backend.name === 'PostgreSQL') {
      it('creates exactly one order for 50 concurrent requests split across two instances', async () => {
        const second = await startOrderServiceTestApp(testDatabase.options());
        second.inventory.stocks('Router', 1_000);
        try {
          const body = { user_id: 'two-instances', item: 'Router', quantity: 1 };
          const responses = await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              (i % 2 === 0 ? service : second).http().post('/orders').set('Idempotency-Key', 'key-split').send(body),
            ),
          );
          expect(responses.map((response) => response.status).sort()).toEqual([...Array(49).fill(200), 201]);
          expect(new Set(responses.map((response) => response.body.order_id)).size).toBe(1);
          expect((await second.get('/users/two-instances/orders').expect(200)).body).toHaveLength(1);
        } finally {
          await second.app.close();
        }
      });
    }
  });
});
