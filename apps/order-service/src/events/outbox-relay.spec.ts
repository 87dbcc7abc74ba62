import { ORDER_PLACED } from '@boundary/order-events-contract';
import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import type { ClientProxyDouble } from '@boundary/testing/messages';
import { asc, isNull } from 'drizzle-orm';
import { openOrderDatabase } from '../database/open-order-database';
import { OrderDatabase } from '../database/order-database';
import { outbox } from '../database/order-service.schema';
import { orderEventsDouble, startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { placed } from '../testing/placed';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const unsent = (database: OrderDatabase) =>
  database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.id));

describe.each(TEST_BACKENDS)('OutboxRelay on $name (ClientProxy double standing in for RabbitMQ)', (backend) => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;
  let database: OrderDatabase;

  beforeAll(async () => {
    testDatabase = await backend.create();
    service = await startOrderServiceTestApp(testDatabase.options());
    service.inventory.stocks('Desk', 1_000);
    database = service.app.get(OrderDatabase);
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  afterEach(() => {
    service.events.verify();
    service.events.reset();
  });

  const placeOrder = async (user: string) =>
    (await service.http().post('/orders').send({ user_id: user, item: 'Desk', quantity: 1 }).expect(201)).body.order_id as string;

  it('publishes an order placed through POST /orders as orders.placed with its reservation, then never again', async () => {
    const orderId = await placeOrder('buyer-1');
    expect(await service.relay.relayOnce()).toBe(1);
    expect(service.events.delivered(ORDER_PLACED)).toEqual([
      expect.objectContaining({ order_id: orderId, user_id: 'buyer-1', item: 'Desk', quantity: 1, reservation_id: expect.stringMatching(/^res_/) }),
    ]);
    expect(await service.relay.relayOnce()).toBe(0);
    expect(service.events.emitted).toHaveLength(1);
  });

  describe('when the broker cannot be reached', () => {
    it('keeps serving, leaves the events unsent, and publishes them once it answers', async () => {
      service.events.isDown();
      const first = await placeOrder('buyer-2');
      const second = await placeOrder('buyer-3');
      expect(await service.relay.relayOnce()).toBe(0);
      expect(await service.relay.relayOnce()).toBe(0);
      expect(await unsent(database)).toHaveLength(2);
      service.events.recovers();
      expect(await service.relay.relayOnce()).toBe(2);
      expect(await unsent(database)).toEqual([]);
      expect(service.events.delivered(ORDER_PLACED)).toEqual([
        expect.objectContaining({ order_id: first }),
        expect.objectContaining({ order_id: second }),
      ]);
    });
  });
});

describe.each(TEST_BACKENDS)('an order committed by a process that died before publishing, on $name', (backend) => {
  it('is published by the next process on the same database', async () => {
    const testDatabase = await backend.create({ onDisk: true });
    try {
      // The first process: the order commits, and nothing publishes it (a kill between commit and publish).
      const before = await openOrderDatabase(testDatabase.options());
      const { order } = await new DrizzleOrderRepository(before).createOrder({ user_id: 'survivor', item: 'Safe', quantity: 1 }, placed());
      await before.close();

      const events = orderEventsDouble();
      // An inventory that confirms whatever it is asked to: the first process's reservation is not the stub's.
      const after = await startOrderServiceTestApp(testDatabase.options(), { events, inventory: InventoryServiceClientStub.everythingInStock() });
      try {
        expect(await after.relay.relayOnce()).toBe(1);
        expect(events.delivered(ORDER_PLACED)).toEqual([expect.objectContaining({ order_id: order.order_id })]);
        events.verify();
      } finally {
        await after.app.close();
      }
    } finally {
      await testDatabase.drop();
    }
  });
});

describe.each(TEST_BACKENDS)('OutboxRelay polling on its own on $name', (backend) => {
  it('publishes without being asked, every pollMs', async () => {
    const testDatabase = await backend.create();
    const events: ClientProxyDouble = orderEventsDouble();
    const service = await startOrderServiceTestApp(testDatabase.options(), { events, relay: { autoStart: true, pollMs: 20 } });
    try {
      service.inventory.stocks('Desk', 10);
      await service.http().post('/orders').send({ user_id: 'polled', item: 'Desk', quantity: 1 }).expect(201);
      for (let i = 0; i < 250 && events.delivered(ORDER_PLACED).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(events.delivered(ORDER_PLACED)).toEqual([expect.objectContaining({ user_id: 'polled' })]);
    } finally {
      await service.app.close();
      await testDatabase.drop();
    }
  });
});
