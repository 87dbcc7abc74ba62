import { anOrderPlacedEvent, ORDER_PLACED, ORDER_PLACED_DELIVERY_LIMIT } from '@boundary/order-events-contract';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from '../fulfilment-service.test-app';

const orderId = (n: number) => `ord_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// One app for the file: the JSON lines of Nest's loggers go to the app that started first in a process.
describe('Fulfilment consuming orders.placed (InProcessRmqServer: the real pipeline, no broker)', () => {
  let service: FulfilmentServiceTestApp;
  const lines: Record<string, unknown>[] = [];
  const linesOf = (context: string) => lines.filter((line) => line['context'] === context);

  beforeAll(async () => {
    service = await startFulfilmentServiceTestApp({ logDestination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  });

  afterAll(async () => {
    await service?.app.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
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
});
