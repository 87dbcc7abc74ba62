import { ORDER_PLACED } from '@boundary/order-events-contract';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { context, propagation, ROOT_CONTEXT, trace, type Context, type Tracer } from '@opentelemetry/api';
import { OrderDatabase } from '../database/order-database';
import { outbox } from '../database/order-service.schema';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { OrderPlacement } from '../orders/order-placement';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/**
 * The event hop of one trace, with no broker: OpenTelemetry registered in-process as a service's tracing.js registers
 * it (a tracer provider, async context, W3C propagation), the broker replaced by the ClientProxy double, which records
 * the trace context each message would carry (what the amqplib instrumentation writes into its headers at publish).
 */
describe.each(TEST_BACKENDS)('the orders.placed event continues the trace of the request that placed the order, on $name', (backend) => {
  let tracing: RecordingTracing;
  let tracer: Tracer;
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    tracing = recordingTracing();
    // Asked of this registration: a tracer got before it would keep the previous file's or engine's provider.
    tracer = trace.getTracer('spec');
    testDatabase = await backend.create();
    service = await startOrderServiceTestApp(testDatabase.options());
    service.inventory.stocks('Desk', 100);
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
    await tracing?.stop();
  });

  afterEach(() => {
    service.events.verify();
    service.events.reset();
  });

  /**
   * Places an order through the service's `OrderPlacement` (what POST /orders calls) in `parent`, the request's context:
   * in-process, no http instrumentation binds the request's body stream to it as a service's tracing.js does.
   */
  const placeOrder = async (user: string, parent: Context) => {
    const { order } = await context.with(parent, () => service.app.get(OrderPlacement).place({ user_id: user, item: 'Desk', quantity: 1 }));
    return order.order_id;
  };
  const storedTraceContext = async (orderId: string) => {
    const rows = await service.app.get(OrderDatabase).db.select({ payload: outbox.payload, traceContext: outbox.traceContext }).from(outbox);
    return rows.find((row) => (row.payload as { order_id: string }).order_id === orderId)?.traceContext;
  };
  /** Relays the outbox inside a span of its own: a row's event must not join the trace the relay happens to run in. */
  const relayInAnotherTrace = () => {
    const poll = tracer.startSpan('unrelated poll');
    return context.with(trace.setSpan(ROOT_CONTEXT, poll), () => service.relay.relayOnce()).finally(() => poll.end());
  };
  /** The span ids from `spanId` up to the root, through the spans the provider recorded. */
  const lineage = (spanId: string | undefined): string[] => {
    const byId = new Map(tracing.finishedSpans().map((span) => [span.spanContext().spanId, span]));
    const ids: string[] = [];
    for (let id = spanId; id !== undefined; id = byId.get(id)?.parentSpanContext?.spanId) ids.push(id);
    return ids;
  };

  it('keeps the request’s trace context with the outbox row and publishes the event in it, under the request’s span', async () => {
    const request = tracer.startSpan('POST /orders');
    const orderId = await placeOrder('traced-buyer', trace.setSpan(ROOT_CONTEXT, request));
    request.end();
    const { traceId, spanId } = request.spanContext();
    expect(await storedTraceContext(orderId)).toEqual({ traceparent: expect.stringMatching(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`)) });

    expect(await relayInAnotherTrace()).toBe(1);
    const [published] = service.events.emitted;
    expect(published.data).toMatchObject({ order_id: orderId });
    expect(published.traceContext).toMatchObject({ valid: true, traceId, sampled: true });
    expect(lineage(published.traceContext?.valid ? published.traceContext.parentSpanId : undefined)).toContain(spanId);
  });

  it('confirms the order’s reservation at the Inventory Service in the request’s trace too, not the relay’s', async () => {
    const request = tracer.startSpan('POST /orders');
    await placeOrder('confirmed-in-trace', trace.setSpan(ROOT_CONTEXT, request));
    request.end();
    const confirmedBefore = service.inventory.history.filter(({ method }) => method === 'confirm').length;
    expect(await relayInAnotherTrace()).toBe(1);
    const confirmations = service.inventory.history.filter(({ method }) => method === 'confirm').slice(confirmedBefore);
    expect(confirmations.map(({ traceContext }) => traceContext)).toEqual([{ valid: true, traceId: request.spanContext().traceId, parentSpanId: expect.any(String), sampled: true }]);
  });

  it('keeps the request’s tracestate beside its traceparent', async () => {
    const upstream = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=opaque' };
    const orderId = await placeOrder('traced-with-state', propagation.extract(ROOT_CONTEXT, upstream));
    expect(await storedTraceContext(orderId)).toEqual(upstream);
    expect(await service.relay.relayOnce()).toBe(1);
    expect(service.events.emitted[0].traceContext).toEqual({
      valid: true,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
      sampled: true,
    });
  });

  it('writes no trace context for an order placed in no trace, and publishes its event in none', async () => {
    const orderId = await placeOrder('untraced-buyer', ROOT_CONTEXT);
    expect(await storedTraceContext(orderId)).toBeNull();
    expect(await relayInAnotherTrace()).toBe(1);
    expect(service.events.delivered(ORDER_PLACED)).toEqual([expect.objectContaining({ order_id: orderId })]);
    expect(service.events.emitted[0].traceContext).toBeUndefined();
  });

  it('publishes each row of one batch in its own request’s trace', async () => {
    const first = tracer.startSpan('first POST /orders');
    const second = tracer.startSpan('second POST /orders');
    await placeOrder('batch-buyer-1', trace.setSpan(ROOT_CONTEXT, first));
    await placeOrder('batch-buyer-2', trace.setSpan(ROOT_CONTEXT, second));
    first.end();
    second.end();
    expect(await relayInAnotherTrace()).toBe(2);
    expect(service.events.emitted.map((message) => (message.traceContext?.valid ? message.traceContext.traceId : undefined))).toEqual([
      first.spanContext().traceId,
      second.spanContext().traceId,
    ]);
  });
});

describe.each(TEST_BACKENDS)('with tracing off (no OpenTelemetry registered) on $name', (backend) => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await backend.create();
    service = await startOrderServiceTestApp(testDatabase.options());
    service.inventory.stocks('Desk', 10);
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  it('writes the outbox row with no trace context and publishes its event without one', async () => {
    const orderId = (await service.http().post('/orders').send({ user_id: 'quiet-buyer', item: 'Desk', quantity: 1 }).expect(201)).body.order_id;
    const [row] = await service.app.get(OrderDatabase).db.select({ traceContext: outbox.traceContext }).from(outbox);
    expect(row).toEqual({ traceContext: null });
    expect(await service.relay.relayOnce()).toBe(1);
    expect(service.events.delivered(ORDER_PLACED)).toEqual([expect.objectContaining({ order_id: orderId })]);
    expect(service.events.emitted[0].traceContext).toBeUndefined();
    service.events.verify();
  });
});
