import { anOrderPlacedEvent, ORDER_PLACED } from '@boundary/order-events-contract';
import { connect, type ChannelModel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { BrokerGate } from './broker-gate';
import { eventually, OrderEventsQueue, RABBITMQ_URL } from './order-events-queue';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

/** Short, so a hold never confirmed is released within the test; orders are confirmed within one relay poll (0.5 s). */
const RESERVATION_HOLD = '3s';

interface ItemUnits {
  item: string;
  available: number;
  held: number;
  confirmed: number;
  shipped: number;
  received: number;
}

describe(`full stack with the event hop: User → Order → (orders.placed on RabbitMQ) → Fulfilment, on ${FULL_STACK_STORAGE.name}`, () => {
  const queue = new OrderEventsQueue();
  const { topology } = queue;
  let storage: OrderServiceStorage;
  let gate: BrokerGate;
  let broker: ChannelModel;
  let inventory: ServiceProcess;
  let orderService: ServiceProcess;
  let fulfilment: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    storage = await FULL_STACK_STORAGE.create();
    broker = await connect(RABBITMQ_URL);
    // The Order Service reaches the broker through a gate, closed until a test opens it: it starts with no broker.
    gate = await BrokerGate.start(RABBITMQ_URL);
    const events = { ORDER_EVENTS_QUEUE: topology.queue };
    inventory = await ServiceProcess.start('inventory-service', { ...storage.env, SEED_DEMO_DATA: 'true', RESERVATION_HOLD });
    fulfilment = await ServiceProcess.start('fulfilment-service', {
      INVENTORY_SERVICE_URL: inventory.url,
      // Its own schema on the run's PostgreSQL database; an embedded database belongs to one process, so its own.
      DATABASE_URL: storage.env['DATABASE_URL'] ?? '',
      RABBITMQ_URL,
      ...events,
    });
    orderService = await ServiceProcess.start('order-service', {
      ...storage.env,
      INVENTORY_SERVICE_URL: inventory.url,
      RABBITMQ_URL: gate.url,
      ...events,
    });
    userService = await ServiceProcess.start('user-service', { ORDER_SERVICE_URL: orderService.url });
    await eventually('fulfilment consuming', () => fulfilment.log.includes(`Consuming orders.placed from queue ${topology.queue}`), () => fulfilment.log);
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await fulfilment?.stop();
    await inventory?.stop();
    await gate?.close();
    await broker?.close();
    await queue.remove();
    await storage?.remove();
  });

  const placeOrder = async (userId: string, item: string) => {
    const response = await fetch(`${userService.url}/users/${userId}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ item, quantity: 1 }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { order: { order_id: string } }).order.order_id;
  };
  const shipped = (orderId: string) => fulfilment.log.includes(`Shipment recorded for order ${orderId}`);
  /** The item's units by state, as the inventory answers them; the stock equation is checked on every read. */
  const unitsOf = async (item: string): Promise<ItemUnits> => {
    const response = await fetch(`${inventory.url}/items/${encodeURIComponent(item)}/units`);
    expect(response.status).toBe(200);
    const units = (await response.json()) as ItemUnits;
    expect(units.available + units.held + units.confirmed + units.shipped).toBe(units.received);
    return units;
  };

  it('serves an order while no broker answers, says the event waits in the outbox, and ships it once the broker is there', async () => {
    const orderId = await placeOrder('user123', 'Laptop');
    await eventually('the outbox log line', () => orderService.log.includes('wait in the outbox'), () => orderService.log);
    expect(shipped(orderId)).toBe(false);

    gate.letThrough();
    await eventually(`the shipment of ${orderId}`, () => shipped(orderId), () => `${orderService.log}\n${fulfilment.log}`, 60_000);
  });

  it('ships an order placed through the User Service: event published, consumed, shipment recorded once', async () => {
    gate.letThrough();
    const before = await unitsOf('Mouse');
    const orderId = await placeOrder('user123', 'Mouse');
    await eventually(`the shipment of ${orderId}`, () => shipped(orderId), () => fulfilment.log);
    expect(fulfilment.log.split(`Shipment recorded for order ${orderId}`)).toHaveLength(2);
    // The unit left the stock: held, confirmed by the relay, shipped by fulfilment; nothing else moved.
    expect(await unitsOf('Mouse')).toEqual({ ...before, available: before.available - 1, shipped: before.shipped + 1 });
  });

  it('releases a hold never confirmed after RESERVATION_HOLD, the stock equation holding throughout', async () => {
    // A hold as the Order Service makes it before writing its order; here no order is ever written.
    const before = await unitsOf('Keyboard');
    const response = await fetch(`${inventory.url}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ item: 'Keyboard', quantity: 2 }),
    });
    expect(response.status).toBe(201);
    expect(await unitsOf('Keyboard')).toEqual({ ...before, available: before.available - 2, held: before.held + 2 });

    const seen: ItemUnits[] = [];
    await eventually('the hold released', async () => {
      seen.push(await unitsOf('Keyboard'));
      return seen[seen.length - 1].held === before.held;
    }, () => inventory.log, 30_000);
    expect(seen.at(-1)).toEqual(before);
    expect(new Set(seen.map((units) => units.received))).toEqual(new Set([before.received]));
    expect(inventory.log).toMatch(/Released \d+ hold\(s\) not confirmed within 3000 ms/);
  });

  it('dead-letters a poison message, naming the field, and still handles the next good message', async () => {
    const channel = await broker.createConfirmChannel();
    const publish = (data: unknown) => {
      channel.sendToQueue(topology.queue, Buffer.from(JSON.stringify({ pattern: ORDER_PLACED, data })), { persistent: true });
      return channel.waitForConfirms();
    };
    const poisonId = `ord_${randomUUID()}`;
    await publish({ ...anOrderPlacedEvent({ order_id: poisonId }), quantity: -1 });
    const goodId = `ord_${randomUUID()}`;
    // A good message names a reservation the inventory holds and the Order Service confirmed, as the relay's do.
    const held = await fetch(`${inventory.url}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ item: 'Laptop', quantity: 1 }),
    });
    const { reservation_id } = (await held.json()) as { reservation_id: string };
    expect((await fetch(`${inventory.url}/reservations/${reservation_id}/confirmation`, { method: 'PUT' })).status).toBe(200);
    await publish(anOrderPlacedEvent({ order_id: goodId, reservation_id }));

    await eventually(`the shipment of ${goodId}`, () => shipped(goodId), () => fulfilment.log);
    let dead: false | { content: Buffer } = false;
    await eventually('the poison message in the dead-letter queue', async () => {
      dead = await channel.get(topology.deadLetter.queue, { noAck: true });
      return dead !== false;
    }, () => fulfilment.log);
    expect(JSON.parse((dead as unknown as { content: Buffer }).content.toString())).toMatchObject({ data: { order_id: poisonId } });
    expect(fulfilment.log).toMatch(/Invalid orders\.placed message: quantity: [^"]*: dead-lettered/);
    expect(shipped(poisonId)).toBe(false);
    await channel.close();
  });
});
