import { DatabaseFaults } from './database-faults';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

const UNAVAILABLE = { error: 'Order Service unavailable', code: 'ORDER_SERVICE_UNAVAILABLE', user_id: 'user123' };
const USER123_ORDERS = {
  user_id: 'user123',
  orders: [
    { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' },
    { order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' },
  ],
};

describe(`full stack: User Service → Order Service on ${FULL_STACK_STORAGE.name}, real processes on free ports`, () => {
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    storage = await FULL_STACK_STORAGE.create();
    // The Order Service reserves a new order's stock there (the chain itself is chain.full-stack.spec.ts).
    inventory = await ServiceProcess.start('inventory-service', { ...storage.env, SEED_DEMO_DATA: 'true' });
    orderService = await ServiceProcess.start('order-service', {
      ...storage.env,
      SEED_DEMO_DATA: 'true',
      INVENTORY_SERVICE_URL: inventory.url,
    });
    userService = await ServiceProcess.start('user-service', {
      ORDER_SERVICE_URL: orderService.url,
      ORDER_SERVICE_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await inventory?.stop();
    await storage?.remove();
  });

  const getJson = async (path: string, from = userService) => {
    const response = await fetch(`${from.url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('answers user123’s two orders from the real Order Service', async () => {
    expect(await getJson('/users/user123/orders')).toEqual({ status: 200, body: USER123_ORDERS });
  });

  it('answers an empty history with 200 and no orders, not 404', async () => {
    expect(await getJson('/users/user000/orders')).toEqual({ status: 200, body: { user_id: 'user000', orders: [] } });
  });

  it('answers 404 for a user the Order Service does not know', async () => {
    expect(await getJson('/users/user456/orders')).toEqual({
      status: 404,
      body: { error: 'User not found', code: 'USER_NOT_FOUND', user_id: 'user456' },
    });
  });

  it('carries an id that needs encoding through both hops as one segment', async () => {
    const id = '../user123';
    expect(await getJson(`/users/${encodeURIComponent(id)}/orders`)).toEqual({
      status: 404,
      body: { error: 'User not found', code: 'USER_NOT_FOUND', user_id: id },
    });
  });

  it('answers 400 for an invalid id without a stack trace', async () => {
    const { status, body } = await getJson(`/users/${'x'.repeat(129)}/orders`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_USER_ID' });
  });

  describe('pages, one order and new orders, through both services', () => {
    const post = async (path: string, body: unknown, idempotencyKey: string) => {
      const response = await fetch(`${userService.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { user_id: string; order: { order_id: string; item: string; quantity: number } };
      return { status: response.status, body: answer, location: response.headers.get('location') };
    };

    it('creates an order (201 + Location), answers a repeat of the key with that order (200) and a reused key with 409', async () => {
      const created = await post('/users/buyer-e2e/orders', { item: 'Keyboard', quantity: 3 }, 'e2e-key-0001');
      expect(created).toEqual({
        status: 201,
        body: { user_id: 'buyer-e2e', order: { order_id: expect.any(String), item: 'Keyboard', quantity: 3, status: 'placed' } },
        location: `/users/buyer-e2e/orders/${encodeURIComponent(created.body.order.order_id)}`,
      });
      expect(await post('/users/buyer-e2e/orders', { item: 'Keyboard', quantity: 3 }, 'e2e-key-0001')).toEqual({ ...created, status: 200 });
      expect(await post('/users/buyer-e2e/orders', { item: 'Monitor', quantity: 1 }, 'e2e-key-0001')).toMatchObject({
        status: 409,
        body: { code: 'IDEMPOTENCY_KEY_REUSED', user_id: 'buyer-e2e' },
      });
      expect(await getJson(created.location ?? '')).toEqual({ status: 200, body: created.body });
      expect(await getJson('/users/buyer-e2e/orders')).toEqual({ status: 200, body: { user_id: 'buyer-e2e', orders: [created.body.order] } });
    });

    it('answers 404 ORDER_NOT_FOUND for another user’s order and for an unknown one', async () => {
      const notFound = { status: 404, body: { error: 'Order not found', code: 'ORDER_NOT_FOUND', user_id: 'user456' } };
      expect(await getJson('/users/user456/orders/ord001')).toEqual(notFound);
      expect(await getJson('/users/user456/orders/ord-none')).toEqual(notFound);
      expect(await getJson('/users/user123/orders/ord001')).toEqual({ status: 200, body: { user_id: 'user123', order: USER123_ORDERS.orders[0] } });
    });

    it('pages a history with a Link to the User Service’s own next page, and answers 400 INVALID_CURSOR for a forged cursor', async () => {
      const first = await fetch(`${userService.url}/users/user123/orders?limit=1`);
      expect(await first.json()).toEqual({ user_id: 'user123', orders: [USER123_ORDERS.orders[0]] });
      const [, next] = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link') ?? '') ?? [];
      expect(next).toMatch(/^\/users\/user123\/orders\?limit=1&cursor=/);
      const second = await fetch(`${userService.url}${next}`);
      expect(await second.json()).toEqual({ user_id: 'user123', orders: [USER123_ORDERS.orders[1]] });
      expect(second.headers.get('link')).toBeNull();
      expect(await getJson('/users/user123/orders?cursor=forged')).toEqual({
        status: 400,
        body: { error: 'Invalid cursor: not one this history issued', code: 'INVALID_CURSOR', user_id: 'user123' },
      });
    });
  });

  // Only a database a test can reach besides the service lets it make the real provider fail or fall silent.
  if (FULL_STACK_STORAGE.sharedWithTests) {
    describe('faults arranged in the Order Service’s database', () => {
      let faults: DatabaseFaults;

      beforeAll(async () => (faults = await DatabaseFaults.connect(storage.env['DATABASE_URL'])));
      afterAll(() => faults?.close());

      it('answers 502 while the Order Service answers 500 (its orders table is gone), and 200 once it is back', async () => {
        await faults.withoutOrdersTable(async () => {
          expect(await getJson('/users/user123/orders', orderService)).toEqual({
            status: 500,
            body: expect.objectContaining({ code: 'INTERNAL_ERROR' }),
          });
          expect(await getJson('/users/user123/orders')).toEqual({ status: 502, body: UNAVAILABLE });
        });
        expect(await getJson('/users/user123/orders')).toEqual({ status: 200, body: USER123_ORDERS });
      });

      it('answers 504 when the Order Service does not answer in time (its read waits on a lock), and 200 once it is released', async () => {
        await faults.withOrdersLocked(async () => {
          expect(await getJson('/users/user123/orders')).toEqual({
            status: 504,
            body: { error: 'Order Service timed out', code: 'ORDER_SERVICE_TIMEOUT', user_id: 'user123' },
          });
        });
        expect(await getJson('/users/user123/orders')).toEqual({ status: 200, body: USER123_ORDERS });
      });
    });
  }

  it('answers 502 once the Order Service is down (connection refused)', async () => {
    await orderService.stop();
    expect(await getJson('/users/user123/orders')).toEqual({ status: 502, body: UNAVAILABLE });
  });
});
