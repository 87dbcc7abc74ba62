import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, OrderEventsQueue } from './order-events-queue';
import { OtlpReceiver, spanOf, SpanKind, type ReceivedSpan } from './otlp-receiver';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

const { INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER } = SpanKind;

describe(`one trace across the event hop: User → Order → (orders.placed on RabbitMQ) → Fulfilment → Inventory, on ${FULL_STACK_STORAGE.name}`, () => {
  const queue = new OrderEventsQueue();
  let receiver: OtlpReceiver;
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let fulfilment: ServiceProcess;
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    storage = await FULL_STACK_STORAGE.create();
    inventory = await ServiceProcess.start('inventory-service', { ...storage.env, ...receiver.env, SEED_DEMO_DATA: 'true' });
    fulfilment = await ServiceProcess.start('fulfilment-service', {
      ...receiver.env,
      ...queue.env,
      INVENTORY_SERVICE_URL: inventory.url,
      // Its own schema on the run's PostgreSQL database; an embedded database belongs to one process, so its own.
      DATABASE_URL: storage.env['DATABASE_URL'] ?? '',
    });
    orderService = await ServiceProcess.start('order-service', {
      ...storage.env,
      ...receiver.env,
      ...queue.env,
      SEED_DEMO_DATA: 'true',
      INVENTORY_SERVICE_URL: inventory.url,
      OUTBOX_POLL_MS: '100',
    });
    userService = await ServiceProcess.start('user-service', { ...receiver.env, ORDER_SERVICE_URL: orderService.url });
    await eventually('fulfilment consuming', () => fulfilment.log.includes(`Consuming orders.placed from queue ${queue.topology.queue}`), () => fulfilment.log);
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await fulfilment?.stop();
    await inventory?.stop();
    await queue.remove();
    await storage?.remove();
    await receiver?.stop();
  });

  it('holds the Order Service’s publish span and the fulfilment’s consume span and shipment call, parent to child, in the order’s trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${userService.url}/users/event-trace-buyer/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ item: 'Keyboard', quantity: 1 }),
    });
    expect(response.status).toBe(201);
    // Shipped: an inventory server span under a call of the fulfilment's.
    const shipped = (spans: ReceivedSpan[]) =>
      spans.some((s) => s.service === 'inventory-service' && s.kind === SERVER && spans.some((c) => c.service === 'fulfilment-service' && c.spanId === s.parentSpanId));
    await receiver.waitFor(() => shipped(receiver.trace(traceId)), 60_000);
    // The batch that holds a service's last spans may follow the inventory's.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const spans = receiver.trace(traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = byId.get(span.parentSpanId);
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const userServer = spanOf(spans, 'user-service', SERVER);
    const orderServer = spanOf(spans, 'order-service', SERVER);
    const publish = spanOf(spans, 'order-service', PRODUCER);
    const consume = spanOf(spans, 'fulfilment-service', CONSUMER);
    // The client core's call span, named by the route template, holds the HTTP attempt.
    const shipmentCall = spanOf(spans, 'fulfilment-service', INTERNAL, (s) => s.attributes['boundary.client'] !== undefined);
    const shipmentAttempt = spanOf(spans, 'fulfilment-service', CLIENT, (s) => s.parentSpanId === shipmentCall.spanId);
    const shipment = spanOf(spans, 'inventory-service', SERVER, (s) => s.parentSpanId === shipmentAttempt.spanId);
    // The relay confirmed the reservation, then published the row, in the request that placed the order, after that
    // request was answered.
    const confirmation = spanOf(spans, 'order-service', INTERNAL, (s) => s.name === 'PUT /reservations/{reservationId}/confirmation');
    expect(ancestors(confirmation)).toContain(orderServer);
    expect(spans.filter((s) => s.service === 'inventory-service' && s.kind === SERVER && ancestors(s).includes(confirmation))).toHaveLength(1);
    expect(ancestors(publish)).toContain(orderServer);
    expect(consume.parentSpanId).toBe(publish.spanId);
    expect(shipmentCall).toMatchObject({ name: 'PUT /reservations/{reservationId}/shipment' });
    expect(ancestors(shipmentCall)).toContain(consume);
    expect(shipment.parentSpanId).toBe(shipmentAttempt.spanId);
    // Every span of the trace descends from the User Service's server span: nothing detached, nothing from elsewhere.
    expect(spans.filter((s) => s !== userServer && !ancestors(s).includes(userServer)).map((s) => `${s.service} ${s.name}`)).toEqual([]);
  });
});
