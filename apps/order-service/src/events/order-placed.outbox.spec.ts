import { ORDER_PLACED, OrderPlacedEventSchema } from '@boundary/order-events-contract';
import { IdempotencyKeyReusedError } from '@boundary/service-kit';
import { asc, sql } from 'drizzle-orm';
import { openOrderDatabase } from '../database/open-order-database';
import type { OrderDatabase } from '../database/order-database';
import { orders, outbox } from '../database/order-service.schema';
import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { placed } from '../testing/placed';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

describe.each(TEST_BACKENDS)('the orders.placed outbox row, written with the order on $name', (backend) => {
  let testDatabase: TestDatabase;
  let database: OrderDatabase;
  let repository: DrizzleOrderRepository;

  beforeAll(async () => {
    testDatabase = await backend.create();
    database = await openOrderDatabase(testDatabase.options());
    repository = new DrizzleOrderRepository(database);
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  beforeEach(async () => {
    await database.db.delete(outbox);
  });

  const unsentEvents = () =>
    database.db.select({ pattern: outbox.pattern, payload: outbox.payload, sentAt: outbox.sentAt }).from(outbox).orderBy(asc(outbox.id));

  it('announces a new order: the contract’s payload with its reservation and its commit time, unsent', async () => {
    const facts = placed();
    const { order } = await repository.createOrder({ user_id: 'announced', item: 'Desk', quantity: 3 }, facts);
    const [{ createdAt }] = await database.db.select({ createdAt: orders.createdAt }).from(orders).where(sql`${orders.id} = ${order.order_id}`);
    expect(await unsentEvents()).toEqual([
      {
        pattern: ORDER_PLACED,
        payload: {
          version: 1,
          order_id: order.order_id,
          user_id: 'announced',
          item: 'Desk',
          quantity: 3,
          reservation_id: facts.reservationId,
          placed_at: createdAt.toISOString(),
        },
        sentAt: null,
      },
    ]);
    expect(OrderPlacedEventSchema.safeParse((await unsentEvents())[0].payload).success).toBe(true);
  });

  it('announces one order once for 20 concurrent requests with one key, and a refused repeat not at all', async () => {
    const request = { user_id: 'retrier', item: 'Chair', quantity: 2 };
    await Promise.all(Array.from({ length: 20 }, () => repository.createOrder(request, placed('key-outbox'))));
    await expect(repository.createOrder({ ...request, quantity: 3 }, placed('key-outbox'))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await unsentEvents()).toHaveLength(1);
  });

  it('stores no order whose event cannot be written: both are one transaction', async () => {
    await database.db.execute(sql`ALTER TABLE outbox RENAME TO outbox_away`);
    try {
      await expect(repository.createOrder({ user_id: 'unannounced', item: 'Lamp', quantity: 1 }, placed())).rejects.toThrow();
    } finally {
      await database.db.execute(sql`ALTER TABLE outbox_away RENAME TO outbox`);
    }
    expect(await repository.findUserOrders('unannounced', { limit: 1 })).toBeUndefined();
  });
});
