import { anOrderPlacedEvent, ORDER_PLACED } from '@boundary/order-events-contract';
import { connect, type ChannelModel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { BrokerGate } from './broker-gate';
import { eventually, OrderEventsQueue, RABBITMQ_URL } from './order-events-queue';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

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
    inventory = await ServiceProcess.start('inventory-service', { ...storage.env, SEED_DEMO_DATA: 'true' });
    fulfilment = await ServiceProcess.start('fulfilment-service', {
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

  it('serves an order while no broker answers, says the event waits in the outbox, and ships it once the broker is there', async () => {
    const orderId = await placeOrder('user123', 'Laptop');
    await eventually('the outbox log line', () => orderService.log.includes('wait in the outbox'), () => orderService.log);
    expect(shipped(orderId)).toBe(false);

    gate.letThrough();
    await eventually(`the shipment of ${orderId}`, () => shipped(orderId), () => `${orderService.log}\n${fulfilment.log}`, 60_000);
  });

  it('ships an order placed through the User Service: event published, consumed, shipment recorded once', async () => {
    gate.letThrough();
    const orderId = await placeOrder('user123', 'Mouse');
    await eventually(`the shipment of ${orderId}`, () => shipped(orderId), () => fulfilment.log);
    expect(fulfilment.log.split(`Shipment recorded for order ${orderId}`)).toHaveLength(2);
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
    await publish(anOrderPlacedEvent({ order_id: goodId }));

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
