import { IdempotencyKeyReusedError } from '@boundary/service-kit';
import { openOrderDatabase } from '../database/open-order-database';
import type { OrderDatabase } from '../database/order-database';
import { sql } from 'drizzle-orm';
import { outbox } from '../database/order-service.schema';
import { withholdBackordered } from '../events/backordered-order';
import { placed } from '../testing/placed';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { DrizzleOrderRepository } from './drizzle-order.repository';
import { InvalidCursorError } from './invalid-cursor.error';

describe.each(TEST_BACKENDS)('DrizzleOrderRepository on $name', (backend) => {
  let testDatabase: TestDatabase;
  let database: OrderDatabase;
  let repository: DrizzleOrderRepository;

  beforeAll(async () => {
    testDatabase = await backend.create();
    database = await openOrderDatabase(testDatabase.options({ seedDemoData: true }));
    repository = new DrizzleOrderRepository(database);
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('reads the demo seed newest first', async () => {
    expect(await repository.findUserOrders('user123', { limit: 50 })).toEqual({
      orders: [
        { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' },
        { order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' },
      ],
      nextAfter: undefined,
    });
  });

  it('knows a seeded user without orders, and not an unknown one', async () => {
    expect(await repository.findUserOrders('user000', { limit: 50 })).toEqual({ orders: [] });
    expect(await repository.findUserOrders('user456', { limit: 50 })).toBeUndefined();
  });

  it('creates an order, after which its user is known and the order readable by id', async () => {
    const { order, created } = await repository.createOrder({ user_id: 'new-user', item: 'Desk', quantity: 3 }, placed());
    expect(created).toBe(true);
    expect(order).toEqual({ order_id: expect.stringMatching(/^ord_/), user_id: 'new-user', item: 'Desk', quantity: 3, status: 'placed' });
    expect(await repository.findOrder(order.order_id)).toEqual(order);
    expect((await repository.findUserOrders('new-user', { limit: 50 }))?.orders).toEqual([
      { order_id: order.order_id, item: 'Desk', quantity: 3, status: 'placed' },
    ]);
  });

  it('reads an order the relay backordered as backordered, in its user’s history and by id', async () => {
    const reservation = placed();
    const { order } = await repository.createOrder({ user_id: 'backordered-user', item: 'Desk', quantity: 1 }, reservation);
    const [row] = await database.db.select({ id: outbox.id }).from(outbox).where(sql`${outbox.payload}->>'order_id' = ${order.order_id}`);
    const backorder = { kind: 'backorder', orderId: order.order_id, reservationId: reservation.reservationId, code: 'HOLD_EXPIRED' } as const;
    await withholdBackordered(database.db, row.id, backorder);
    await withholdBackordered(database.db, row.id, backorder);
    expect(await repository.findOrder(order.order_id)).toEqual({ ...order, status: 'backordered' });
    expect((await repository.findUserOrders('backordered-user', { limit: 50 }))?.orders).toEqual([
      { order_id: order.order_id, item: 'Desk', quantity: 1, status: 'backordered' },
    ]);
  });

  it('registers a user without orders, idempotently, whose history is then empty instead of unknown', async () => {
    expect(await repository.findUserOrders('registered-only', { limit: 50 })).toBeUndefined();
    await repository.registerUser('registered-only');
    await repository.registerUser('registered-only');
    expect(await repository.findUserOrders('registered-only', { limit: 50 })).toEqual({ orders: [] });
  });

  it('answers undefined for an order it does not have', async () => {
    expect(await repository.findOrder('ord_missing')).toBeUndefined();
  });

  it('rejects a cursor that is not one of the user’s orders', async () => {
    await expect(repository.findUserOrders('user123', { limit: 1, after: 'ord_missing' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    const { order } = await repository.createOrder({ user_id: 'someone-else', item: 'Pen', quantity: 1 }, placed());
    await expect(repository.findUserOrders('user123', { limit: 1, after: order.order_id })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('walks a whole history with no gaps or repeats while new orders keep arriving', async () => {
    const userId = 'walker';
    const existing: string[] = [];
    for (let i = 0; i < 60; i++) {
      existing.push((await repository.createOrder({ user_id: userId, item: `item ${i}`, quantity: 1 }, placed())).order.order_id);
    }
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await repository.findUserOrders(userId, { limit: 7, after });
      seen.push(...(page?.orders.map((order) => order.order_id) ?? []));
      after = page?.nextAfter;
      pages++;
      // Newer orders land before the cursor: they must neither shift nor repeat what the walk has left to read.
      await repository.createOrder({ user_id: userId, item: `during page ${pages}`, quantity: 1 }, placed());
    } while (after !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...existing].reverse());
    expect(pages).toBe(Math.ceil(60 / 7));
  });

  describe('with an idempotency key', () => {
    it('creates exactly one order for 50 concurrent requests with one key', async () => {
      const request = { user_id: 'retrier', item: 'Chair', quantity: 2 };
      const results = await Promise.all(
        Array.from({ length: 50 }, () => repository.createOrder(request, placed('key-concurrent'))),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.order.order_id)).size).toBe(1);
      expect((await repository.findUserOrders('retrier', { limit: 100 }))?.orders).toHaveLength(1);
    });

    it('returns the first order for the same body, and refuses a different body', async () => {
      const first = await repository.createOrder({ user_id: 'u-idem', item: 'Lamp', quantity: 1 }, placed('key-body'));
      const again = await repository.createOrder({ user_id: 'u-idem', item: 'Lamp', quantity: 1 }, placed('key-body'));
      expect(again).toEqual({ order: first.order, created: false });
      await expect(
        repository.createOrder({ user_id: 'u-other', item: 'Lamp', quantity: 1 }, placed('key-body')),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      // The refused request left nothing behind, not even its user.
      expect(await repository.findUserOrders('u-other', { limit: 1 })).toBeUndefined();
    });
  });
});
