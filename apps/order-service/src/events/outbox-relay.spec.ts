import { InventoryServiceError } from '@boundary/inventory-client';
import { ORDER_PLACED } from '@boundary/order-events-contract';
import { INVENTORY_SERVICE_CALLS, InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import type { ClientProxyDouble } from '@boundary/testing/messages';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { openOrderDatabase } from '../database/open-order-database';
import { OrderDatabase } from '../database/order-database';
import { orders, outbox } from '../database/order-service.schema';
import { orderEventsDouble, startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { placed } from '../testing/placed';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/** Rows still to publish: neither sent nor withheld. */
const unsent = (database: OrderDatabase) =>
  database.db.select({ id: outbox.id }).from(outbox).where(and(isNull(outbox.sentAt), isNull(outbox.withheldAt))).orderBy(asc(outbox.id));

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

  describe('when the inventory holds nothing any more for an order (its hold expired, the stock sold)', () => {
    it('withholds that order’s event and marks it backordered, and still publishes the orders after it', async () => {
      const before = await placeOrder('early-buyer');
      const lost = await placeOrder('late-buyer');
      const after = await placeOrder('early-buyer');
      const [{ reservationId }] = await database.db.select({ reservationId: orders.reservationId }).from(orders).where(eq(orders.id, lost));
      const resource = INVENTORY_SERVICE_CALLS.confirm(reservationId as string);
      service.inventory
        .forConfirmation(reservationId as string)
        .failsWith(new InventoryServiceError({ kind: 'rejected', resource, status: 409, providerCode: 'HOLD_EXPIRED' }));

      expect(await service.relay.relayOnce()).toBe(2);
      expect(service.events.delivered(ORDER_PLACED)).toEqual([
        expect.objectContaining({ order_id: before }),
        expect.objectContaining({ order_id: after }),
      ]);
      expect(await unsent(database)).toEqual([]);
      expect(
        await database.db
          .select({ reason: outbox.withheldReason, sent: outbox.sentAt, payload: outbox.payload })
          .from(outbox)
          .where(isNotNull(outbox.withheldAt)),
      ).toEqual([{ reason: 'backordered: HOLD_EXPIRED', sent: null, payload: expect.objectContaining({ order_id: lost }) }]);
      const [order] = await database.db.select({ status: orders.status, at: orders.backorderedAt }).from(orders).where(eq(orders.id, lost));
      expect(order).toEqual({ status: 'backordered', at: expect.any(Date) });
      expect((await service.get(`/users/late-buyer/orders`).expect(200)).body).toEqual([
        { order_id: lost, item: 'Desk', quantity: 1, status: 'backordered' },
      ]);
      expect((await service.get(`/orders/${lost}`).expect(200)).body).toEqual({
        order_id: lost,
        user_id: 'late-buyer',
        item: 'Desk',
        quantity: 1,
        status: 'backordered',
      });

      // Withheld for good: no later poll reads it again, nor asks the inventory about it.
      const asked = service.inventory.history.length;
      expect(await service.relay.relayOnce()).toBe(0);
      expect(service.inventory.history).toHaveLength(asked);
      expect(service.events.emitted).toHaveLength(2);
    });
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
