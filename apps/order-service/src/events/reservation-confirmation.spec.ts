import { InventoryServiceError } from '@boundary/inventory-client';
import { INVENTORY_SERVICE_CALLS } from '@boundary/inventory-client/testing';
import { ORDER_PLACED } from '@boundary/order-events-contract';
import { isNull } from 'drizzle-orm';
import { OrderDatabase } from '../database/order-database';
import { outbox } from '../database/order-service.schema';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { MIGRATIONS_FOLDER } from '../testing/test-databases';

// One app in this file: the JSON lines of Nest's loggers go to the app that started first in a process.
describe('OutboxRelay confirming each order’s reservation before publishing it (InventoryServiceClient stubbed)', () => {
  let service: OrderServiceTestApp;
  const lines: Record<string, unknown>[] = [];
  const linesOf = (context: string) => lines.filter((line) => line['context'] === context);

  beforeAll(async () => {
    service = await startOrderServiceTestApp(
      { seedDemoData: false, migrationsFolder: MIGRATIONS_FOLDER },
      { logDestination: { write: (line: string) => lines.push(JSON.parse(line)) } },
    );
  });

  afterAll(async () => {
    await service?.app.close();
  });

  beforeEach(() => {
    service.inventory.reset();
    service.inventory.stocks('Desk', 100);
    service.events.reset();
    lines.length = 0;
  });

  /** Places one order through POST /orders; its id and its reservation's, as the unsent outbox row announces them. */
  const placeOrder = async (user: string) => {
    await service.http().post('/orders').send({ user_id: user, item: 'Desk', quantity: 1 }).expect(201);
    const [row] = await service.app.get(OrderDatabase).db.select({ payload: outbox.payload }).from(outbox).where(isNull(outbox.sentAt));
    const { order_id, reservation_id } = row.payload as { order_id: string; reservation_id: string };
    return { orderId: order_id, reservationId: reservation_id };
  };
  const published = () => service.events.delivered(ORDER_PLACED) as { order_id: string }[];

  it('confirms the reservation, then publishes the order: the inventory hears of the commit first', async () => {
    const { orderId, reservationId } = await placeOrder('confirmed-buyer');
    expect(await service.relay.relayOnce()).toBe(1);
    expect(service.inventory.history.map((call) => [call.method, call.key])).toEqual([
      ['reserve', 'Desk'],
      ['confirm', reservationId],
    ]);
    expect(published()).toEqual([expect.objectContaining({ order_id: orderId, reservation_id: reservationId })]);
  });

  it('leaves the event unsent while the inventory cannot confirm, says so once, and publishes it once it can', async () => {
    const { orderId, reservationId } = await placeOrder('patient-buyer');
    service.inventory.isDown();
    expect(await service.relay.relayOnce()).toBe(0);
    expect(await service.relay.relayOnce()).toBe(0);
    expect(published()).toEqual([]);
    expect(linesOf('ReservationConfirmation')).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/^Cannot confirm reservations at the Inventory Service \(.+\): events wait in the outbox until it answers$/),
      }),
    ]);

    service.inventory.reset();
    service.inventory.forConfirmation(reservationId).returns({ reservation_id: reservationId, item: 'Desk', quantity: 1, state: 'confirmed' });
    expect(await service.relay.relayOnce()).toBe(1);
    expect(published()).toEqual([expect.objectContaining({ order_id: orderId })]);
    expect(linesOf('ReservationConfirmation').at(-1)).toMatchObject({
      level: 30,
      msg: 'The Inventory Service confirms reservations again: publishing the outbox',
    });
  });

  it.each([
    ['HOLD_EXPIRED', 'rejected', 409],
    ['RESERVATION_NOT_FOUND', 'not-found', 404],
  ] as const)('publishes the order all the same when the inventory refuses for good (%s), logging an error naming it', async (code, kind, status) => {
    const { orderId, reservationId } = await placeOrder(`refused-${status}`);
    const resource = INVENTORY_SERVICE_CALLS.confirm(reservationId);
    service.inventory.forConfirmation(reservationId).failsWith(new InventoryServiceError({ kind, resource, status, providerCode: code }));
    expect(await service.relay.relayOnce()).toBe(1);
    expect(published()).toEqual([expect.objectContaining({ order_id: orderId })]);
    expect(linesOf('ReservationConfirmation')).toEqual([
      expect.objectContaining({ level: 50, msg: expect.stringContaining(`Order ${orderId}: reservation ${reservationId} could not be confirmed (${code})`) }),
    ]);
  });
});
