import { anOrderPlacedEvent, ORDER_PLACED, ORDER_PLACED_DELIVERY_LIMIT } from '@boundary/order-events-contract';
import { InventoryServiceError } from '@boundary/inventory-client';
import { INVENTORY_SERVICE_CALLS, InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { defer, of, throwError } from 'rxjs';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from '../fulfilment-service.test-app';

const orderId = (n: number) => `ord_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const reservationId = (n: number) => `res_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// One app for the file: the JSON lines of Nest's loggers go to the app that started first in a process.
describe('Fulfilment consuming orders.placed (InProcessRmqServer: the real pipeline, no broker)', () => {
  let service: FulfilmentServiceTestApp;
  const lines: Record<string, unknown>[] = [];
  const linesOf = (context: string) => lines.filter((line) => line['context'] === context);

  beforeAll(async () => {
    // An inventory that ships whatever it is asked to, unless a test scripts otherwise.
    service = await startFulfilmentServiceTestApp({
      logDestination: { write: (line: string) => lines.push(JSON.parse(line)) },
      inventory: InventoryServiceClientStub.everythingInStock(),
    });
  });

  afterAll(async () => {
    await service?.app.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    service.inventory.reset();
    lines.length = 0;
  });

  it('acks an order placed and records its shipment', async () => {
    const event = anOrderPlacedEvent({ order_id: orderId(1), quantity: 2 });
    expect(await service.rmq.deliver(ORDER_PLACED, event)).toEqual({ outcome: 'acked', attempts: 1, extraSettlements: 0 });
    expect(await service.shipments.findShipment(orderId(1))).toEqual({
      order_id: orderId(1),
      user_id: event.user_id,
      item: event.item,
      quantity: 2,
      reservation_id: event.reservation_id,
    });
  });

  it('acks a repeated delivery of one order and records nothing more (at least once upstream, once here)', async () => {
    const event = anOrderPlacedEvent({ order_id: orderId(2) });
    await service.rmq.deliver(ORDER_PLACED, event);
    const before = await service.shipments.countShipments();
    expect(await service.rmq.deliver(ORDER_PLACED, event)).toMatchObject({ outcome: 'acked' });
    expect(await service.shipments.countShipments()).toBe(before);
  });

  describe('a message that breaks the contract', () => {
    it('is dead-lettered at once, with a log line naming the field, and the next good message is still handled', async () => {
      const poison = { ...anOrderPlacedEvent({ order_id: orderId(3) }), quantity: 'two' };
      expect(await service.rmq.deliver(ORDER_PLACED, poison)).toEqual({ outcome: 'dead-lettered', attempts: 1, extraSettlements: 0 });
      expect(await service.shipments.findShipment(orderId(3))).toBeUndefined();
      expect(linesOf('RmqAckInterceptor')).toEqual([
        expect.objectContaining({ level: 40, msg: expect.stringMatching(/^Invalid orders\.placed message: quantity: .*: dead-lettered$/) }),
      ]);

      expect(await service.rmq.deliver(ORDER_PLACED, anOrderPlacedEvent({ order_id: orderId(4) }))).toMatchObject({ outcome: 'acked' });
      expect(await service.shipments.findShipment(orderId(4))).toBeDefined();
    });

    it.each([
      ['of another version', { version: 2 }, 'version'],
      ['without a reservation', { reservation_id: undefined }, 'reservation_id'],
    ])('is dead-lettered at once when it is %s, naming %s', async (_case, override, field) => {
      const poison = { ...anOrderPlacedEvent({ order_id: orderId(5) }), ...override };
      expect(await service.rmq.deliver(ORDER_PLACED, poison)).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
      expect(linesOf('RmqAckInterceptor')).toEqual([expect.objectContaining({ msg: expect.stringContaining(`${field}: `) })]);
    });

    it('is dead-lettered at once when it is not JSON or has no handler (the transport nacks it)', async () => {
      expect(await service.rmq.deliverRaw(Buffer.from('{"pattern":"orders.placed","data":'))).toMatchObject({ outcome: 'dead-lettered' });
      expect(await service.rmq.deliver('orders.placd', anOrderPlacedEvent())).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
    });
  });

  describe('when the handler fails', () => {
    it('requeues the message and acks it on the delivery that succeeds, recording one shipment', async () => {
      jest.spyOn(service.shipments, 'recordShipment').mockRejectedValueOnce(new Error('connection reset'));
      expect(await service.rmq.deliver(ORDER_PLACED, anOrderPlacedEvent({ order_id: orderId(6) }))).toMatchObject({
        outcome: 'acked',
        attempts: 2,
      });
      expect(await service.shipments.findShipment(orderId(6))).toBeDefined();
    });

    it('dead-letters a message still failing past x-delivery-limit, each failure logged with its error', async () => {
      jest.spyOn(service.shipments, 'recordShipment').mockRejectedValue(new Error('disk full'));
      expect(await service.rmq.deliver(ORDER_PLACED, anOrderPlacedEvent({ order_id: orderId(7) }))).toMatchObject({
        outcome: 'dead-lettered',
        attempts: ORDER_PLACED_DELIVERY_LIMIT + 1,
      });
      const failures = linesOf('RmqAckInterceptor');
      expect(failures).toHaveLength(ORDER_PLACED_DELIVERY_LIMIT + 1);
      expect(failures[0]).toMatchObject({ level: 50, msg: expect.stringMatching(/^orders\.placed handler failed on delivery 1: disk full; requeued/) });
      expect(failures.at(-1)).toMatchObject({ msg: expect.stringContaining(`on delivery ${ORDER_PLACED_DELIVERY_LIMIT + 1}: disk full`) });
    });
  });

  describe('shipping the order’s units at the Inventory Service', () => {
    const shipped = (n: number) => ({ reservation_id: reservationId(n), item: 'Laptop', quantity: 1, state: 'shipped' as const });
    const refused = (n: number, status: number, providerCode?: string) =>
      new InventoryServiceError({
        kind: status === 409 ? 'rejected' : 'unavailable',
        resource: INVENTORY_SERVICE_CALLS.ship(reservationId(n)),
        status,
        ...(providerCode ? { providerCode } : {}),
      });

    it('ships the order’s reservation, once a delivery, before recording its shipment', async () => {
      service.inventory.forShipment(reservationId(10)).returns(shipped(10));
      const event = anOrderPlacedEvent({ order_id: orderId(10), reservation_id: reservationId(10) });
      expect(await service.rmq.deliver(ORDER_PLACED, event)).toMatchObject({ outcome: 'acked', attempts: 1 });
      expect(service.inventory.shippedReservations).toEqual([reservationId(10)]);
      expect(await service.shipments.findShipment(orderId(10))).toMatchObject({ reservation_id: reservationId(10) });
    });

    it('tries again within the delivery while the inventory cannot answer, and acks once it ships', async () => {
      let calls = 0;
      // Unreachable on the first call, shipping on the next: the real client's Observable sends anew on each try.
      jest.spyOn(service.inventory, 'ship').mockReturnValueOnce(defer(() => (calls++ === 0 ? throwError(() => refused(11, 503)) : of(shipped(11)))));
      const event = anOrderPlacedEvent({ order_id: orderId(11), reservation_id: reservationId(11) });
      expect(await service.rmq.deliver(ORDER_PLACED, event)).toMatchObject({ outcome: 'acked', attempts: 1 });
      expect(calls).toBe(2);
      expect(linesOf('RmqAckInterceptor')).toEqual([]);
    });

    it('requeues an order the inventory refuses (409: not confirmed yet), recording nothing, and acks the delivery it ships', async () => {
      jest.spyOn(service.inventory, 'ship').mockReturnValueOnce(throwError(() => refused(13, 409, 'RESERVATION_NOT_CONFIRMED')));
      const recording = jest.spyOn(service.shipments, 'recordShipment');
      const event = anOrderPlacedEvent({ order_id: orderId(13), reservation_id: reservationId(13) });
      expect(await service.rmq.deliver(ORDER_PLACED, event)).toMatchObject({ outcome: 'acked', attempts: 2 });
      expect(recording).toHaveBeenCalledTimes(1);
      expect(linesOf('RmqAckInterceptor')).toEqual([
        expect.objectContaining({ level: 50, msg: expect.stringMatching(/^orders\.placed handler failed on delivery 1: .*PUT \/reservations\/\{reservationId\}\/shipment/) }),
      ]);
    });

    it('dead-letters an order the inventory keeps refusing (409 RESERVATION_NOT_CONFIRMED) past the limit, recording no shipment', async () => {
      service.inventory.forShipment(reservationId(12)).failsWith(refused(12, 409, 'RESERVATION_NOT_CONFIRMED'));
      const event = anOrderPlacedEvent({ order_id: orderId(12), reservation_id: reservationId(12) });
      expect(await service.rmq.deliver(ORDER_PLACED, event)).toMatchObject({ outcome: 'dead-lettered', attempts: ORDER_PLACED_DELIVERY_LIMIT + 1 });
      expect(await service.shipments.findShipment(orderId(12))).toBeUndefined();
      expect(service.inventory.shippedReservations).toHaveLength(ORDER_PLACED_DELIVERY_LIMIT + 1);
    });
  });
});
