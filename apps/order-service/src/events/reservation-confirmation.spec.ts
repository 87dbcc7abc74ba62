import { InventoryServiceError, type InventoryServiceClient } from '@boundary/inventory-client';
import { INVENTORY_SERVICE_CALLS, InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { ORDER_PLACED } from '@boundary/order-events-contract';
import { isNull } from 'drizzle-orm';
import { OrderDatabase } from '../database/order-database';
import { outbox } from '../database/order-service.schema';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { aReservationId } from '../testing/a-reservation-id';
import { MIGRATIONS_FOLDER } from '../testing/test-databases';
import { ReservationConfirmation } from './reservation-confirmation';

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

  /** Places one order through POST /orders; its id and its reservation's, as its unsent outbox row announces them. */
  const placeOrder = async (user: string) => {
    const { order_id: orderId } = (await service.http().post('/orders').send({ user_id: user, item: 'Desk', quantity: 1 }).expect(201)).body;
    const rows = await service.app.get(OrderDatabase).db.select({ payload: outbox.payload }).from(outbox).where(isNull(outbox.sentAt));
    const announced = rows.map((row) => row.payload as { order_id: string; reservation_id: string }).find((event) => event.order_id === orderId);
    return { orderId: orderId as string, reservationId: announced?.reservation_id as string };
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
  ] as const)('backorders the order instead of announcing it when the inventory refuses for good (%s), in a warn line naming it', async (code, kind, status) => {
    const { orderId, reservationId } = await placeOrder(`refused-${status}`);
    const resource = INVENTORY_SERVICE_CALLS.confirm(reservationId);
    service.inventory.forConfirmation(reservationId).failsWith(new InventoryServiceError({ kind, resource, status, providerCode: code }));
    expect(await service.relay.relayOnce()).toBe(0);
    expect(published()).toEqual([]);
    expect(linesOf('OutboxRelay')).toEqual([
      expect.objectContaining({
        level: 40,
        msg: `Order ${orderId} backordered: the Inventory Service holds nothing for reservation ${reservationId} (${code}); its orders.placed event is withheld, fulfilment is not told`,
      }),
    ]);
    expect((await service.get(`/orders/${orderId}`).expect(200)).body).toMatchObject({ status: 'backordered' });
  });

  it('confirms every order of the batch while the broker is down, so no hold expires waiting for it', async () => {
    const first = await placeOrder('waiting-1');
    const second = await placeOrder('waiting-2');
    service.events.isDown();
    try {
      expect(await service.relay.relayOnce()).toBe(0);
    } finally {
      service.events.recovers();
    }
    expect(service.inventory.history.filter((call) => call.method === 'confirm').map((call) => call.key)).toEqual([
      first.reservationId,
      second.reservationId,
    ]);
    expect(await service.relay.relayOnce()).toBe(2);
    expect(published()).toEqual([expect.objectContaining({ order_id: first.orderId }), expect.objectContaining({ order_id: second.orderId })]);
  });
});

describe('ReservationConfirmation (InventoryServiceClient stubbed)', () => {
  const inventory = new InventoryServiceClientStub();
  const confirmation = new ReservationConfirmation(inventory as unknown as InventoryServiceClient);
  const reservationId = aReservationId();
  const payload = { order_id: 'ord_1', reservation_id: reservationId };
  const refusal = (providerCode: string, status: number) =>
    new InventoryServiceError({ kind: status === 404 ? 'not-found' : 'rejected', resource: INVENTORY_SERVICE_CALLS.confirm(reservationId), status, providerCode });

  beforeEach(() => inventory.reset());

  it('answers publish once the inventory confirmed', async () => {
    inventory.forConfirmation(reservationId).returns({ reservation_id: reservationId, item: 'Desk', quantity: 1, state: 'confirmed' });
    expect(await confirmation.beforePublishing(ORDER_PLACED, payload)).toEqual({ kind: 'publish' });
  });

  it.each([
    ['HOLD_EXPIRED', 409],
    ['RESERVATION_NOT_FOUND', 404],
  ])('answers backorder, naming the order, the reservation and the code, when the inventory answers %s', async (code, status) => {
    inventory.forConfirmation(reservationId).failsWith(refusal(code, status));
    expect(await confirmation.beforePublishing(ORDER_PLACED, payload)).toEqual({ kind: 'backorder', orderId: 'ord_1', reservationId, code });
  });

  it('answers retry when the inventory cannot answer', async () => {
    inventory.isDown();
    expect(await confirmation.beforePublishing(ORDER_PLACED, payload)).toEqual({ kind: 'retry' });
  });

  it('answers retry for a refusal that may pass (another 409)', async () => {
    inventory.forConfirmation(reservationId).failsWith(refusal('OUT_OF_STOCK', 409));
    expect(await confirmation.beforePublishing(ORDER_PLACED, payload)).toEqual({ kind: 'retry' });
  });

  it('answers publish without asking the inventory for an event announcing no reservation', async () => {
    expect(await confirmation.beforePublishing(ORDER_PLACED, { order_id: 'ord_0' })).toEqual({ kind: 'publish' });
    expect(await confirmation.beforePublishing('orders.other', payload)).toEqual({ kind: 'publish' });
    expect(inventory.history).toEqual([]);
  });
});
