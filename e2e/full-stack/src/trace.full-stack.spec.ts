import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { OtlpReceiver, spanOf, SpanKind, type ReceivedSpan } from './otlp-receiver';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { RollingProxy } from './rolling-proxy';
import { ServiceProcess } from './service-process';

const { INTERNAL, SERVER, CLIENT } = SpanKind;

const ORDER_SERVICE_TOKEN = 'trace-order-service-token-0123456789';
const INVENTORY_SERVICE_TOKEN = 'trace-inventory-service-token-0123456789';

/** A W3C `traceparent` as an upstream caller (a gateway, another service) would send it, sampled. */
function upstreamTraceparent(): { traceId: string; parentSpanId: string; header: string } {
  const traceId = randomBytes(16).toString('hex');
  const parentSpanId = randomBytes(8).toString('hex');
  return { traceId, parentSpanId, header: `00-${traceId}-${parentSpanId}-01` };
}

/**
 * A backend that answers every request 503, as a replica that is not ready would. (Not a closed port: another process
 * may take a port this test gave up, and answer in its place.)
 */
async function unavailableBackend(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((_request, response) => response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"Not ready","code":"NOT_READY"}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe(`one trace across the chain (OpenTelemetry, OTLP/JSON to a receiver of the test's) on ${FULL_STACK_STORAGE.name}`, () => {
  let receiver: OtlpReceiver;
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    storage = await FULL_STACK_STORAGE.create();
    inventory = await ServiceProcess.start('inventory-service', {
      ...storage.env,
      ...receiver.env,
      SEED_DEMO_DATA: 'true',
      INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: INVENTORY_SERVICE_TOKEN,
    });
    orderService = await ServiceProcess.start('order-service', {
      ...storage.env,
      ...receiver.env,
      SEED_DEMO_DATA: 'true',
      ORDER_SERVICE_TOKENS_USER_SERVICE: ORDER_SERVICE_TOKEN,
      INVENTORY_SERVICE_URL: inventory.url,
      INVENTORY_SERVICE_TOKEN,
    });
    userService = await ServiceProcess.start('user-service', {
      ...receiver.env,
      ORDER_SERVICE_URL: orderService.url,
      ORDER_SERVICE_TOKEN,
    });
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await inventory?.stop();
    await storage?.remove();
    await receiver?.stop();
  });

  const placeOrder = (user: string, traceparent: string, requestId: string) =>
    fetch(`${userService.url}/users/${user}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `${requestId}-key`,
        'x-request-id': requestId,
        traceparent,
      },
      body: JSON.stringify({ item: 'Keyboard', quantity: 1 }),
    });

  it('places an order as one trace: each hop’s server span is the child of its caller’s client span, the first of the upstream caller’s', async () => {
    const upstream = upstreamTraceparent();
    expect((await placeOrder('trace-buyer', upstream.header, 'trace-order-1')).status).toBe(201);

    const services = ['user-service', 'order-service', 'inventory-service'];
    // Each service exports in batches of its own: wait until every span that has arrived has its parent too (the
    // relay's confirmation may arrive before the Order Service's batch that holds its client span).
    const complete = (trace: readonly ReceivedSpan[]) => {
      const ids = new Set(trace.map((span) => span.spanId));
      return trace.every((span) => ids.has(span.parentSpanId) || span.parentSpanId === upstream.parentSpanId);
    };
    await receiver.waitFor(() => {
      const trace = receiver.trace(upstream.traceId);
      return services.every((s) => trace.some((span) => span.service === s && span.kind === SERVER)) && complete(trace);
    });
    const spans = receiver.trace(upstream.traceId);

    const userServer = spanOf(spans, 'user-service', SERVER);
    const userClient = spanOf(spans, 'user-service', CLIENT);
    const orderServer = spanOf(spans, 'order-service', SERVER);
    // The relay's confirmation (a PUT) joins the order's trace too, and may already be here: take the reservation.
    const inventoryServer = spanOf(spans, 'inventory-service', SERVER, (s) => s.name.startsWith('POST '));
    const orderClients = spans.filter((s) => s.service === 'order-service' && s.kind === CLIENT);
    expect(userServer.parentSpanId).toBe(upstream.parentSpanId);
    // The client core's call span, named by the route template, holds the HTTP attempt.
    const userCall = spanOf(spans, 'user-service', INTERNAL, (s) => s.attributes['boundary.client'] !== undefined);
    expect(userCall).toMatchObject({ name: 'POST /orders', attributes: expect.objectContaining({ 'boundary.outcome': 'ok', 'boundary.attempts': 1 }) });
    expect(userClient.parentSpanId).toBe(userCall.spanId);
    expect(orderServer.parentSpanId).toBe(userClient.spanId);
    // The Order Service's client span that reserved the units is the inventory server span's parent.
    expect(orderClients.map((s) => s.spanId)).toContain(inventoryServer.parentSpanId);
    // Every span of the trace descends from the User Service's server span: nothing detached, nothing from elsewhere.
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const root = (span: ReceivedSpan): ReceivedSpan => (byId.has(span.parentSpanId) ? root(byId.get(span.parentSpanId) as ReceivedSpan) : span);
    expect(spans.filter((s) => root(s) !== userServer).map((s) => `${s.service} ${s.name}`)).toEqual([]);
    // Each server span is named by the route its service matched (the Fastify adapter's doing; Nest's instrumentation,
    // which wrote two spans per request for it, is not loaded), and nothing else of Nest's is in the trace.
    expect([userServer, orderServer, inventoryServer].map((s) => [s.name, s.attributes['http.route']])).toEqual([
      ['POST /users/:userId/orders', '/users/:userId/orders'],
      ['POST /orders', '/orders'],
      ['POST /reservations', '/reservations'],
    ]);
    expect(spans.filter((s) => Object.keys(s.attributes).some((key) => key.startsWith('nestjs.'))).map((s) => s.name)).toEqual([]);
  });

  it(`records the Order Service's database work under its server span ${FULL_STACK_STORAGE.name === 'PostgreSQL' ? '(pg)' : '— none on PGlite, which has no instrumentation'}`, async () => {
    const upstream = upstreamTraceparent();
    expect((await placeOrder('trace-db-buyer', upstream.header, 'trace-order-2')).status).toBe(201);
    await receiver.waitFor(() => receiver.trace(upstream.traceId).some((s) => s.service === 'inventory-service' && s.kind === SERVER));
    // The batch that holds the Order Service's last spans may follow the inventory's.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const spans = receiver.trace(upstream.traceId);
    const orderServer = spanOf(spans, 'order-service', SERVER);
    const database = spans.filter((s) => s.service === 'order-service' && s.attributes['db.system.name'] === 'postgresql');
    expect(database.length > 0).toBe(FULL_STACK_STORAGE.name === 'PostgreSQL');
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const underServer = (span: ReceivedSpan): boolean =>
      span.parentSpanId === orderServer.spanId || (byId.has(span.parentSpanId) && underServer(byId.get(span.parentSpanId) as ReceivedSpan));
    expect(database.filter((s) => !underServer(s)).map((s) => s.name)).toEqual([]);
    // Queries only: taking a pooled connection makes no span.
    expect(database.filter((s) => !s.name.startsWith('pg.query')).map((s) => s.name)).toEqual([]);
  });

  it('writes trace_id and span_id on the request’s log lines, beside the request id', async () => {
    const upstream = upstreamTraceparent();
    await placeOrder('trace-logged', upstream.header, 'trace-order-3');
    const line = await userService.requestLine('trace-order-3', '/users/trace-logged/orders');
    await receiver.waitFor(() => receiver.trace(upstream.traceId).some((s) => s.service === 'user-service' && s.kind === SERVER));
    const server = spanOf(receiver.trace(upstream.traceId), 'user-service', SERVER);
    expect(line).toMatchObject({ reqId: 'trace-order-3', trace_id: upstream.traceId, span_id: server.spanId });
  });

  describe('a call the client retries', () => {
    let unavailable: Awaited<ReturnType<typeof unavailableBackend>>;
    let proxy: RollingProxy;
    let retryingUserService: ServiceProcess;

    beforeAll(async () => {
      // Round robin over a backend that answers 503 and the Order Service: the first attempt gets the 503, the retry
      // (GET, 503: retriable) reaches the Order Service.
      unavailable = await unavailableBackend();
      proxy = await RollingProxy.start([unavailable.url, orderService.url]);
      retryingUserService = await ServiceProcess.start('user-service', { ...receiver.env, ORDER_SERVICE_URL: proxy.url, ORDER_SERVICE_TOKEN });
    });

    afterAll(async () => {
      await retryingUserService?.stop();
      await proxy?.stop();
      await unavailable?.stop();
    });

    it('shows as two attempt spans under one call span, the second the parent of the Order Service’s server span', async () => {
      const upstream = upstreamTraceparent();
      const answer = await fetch(`${retryingUserService.url}/users/user123/orders`, { headers: { traceparent: upstream.header } });
      expect(answer.status).toBe(200);
      await receiver.waitFor(() => {
        const spans = receiver.trace(upstream.traceId);
        return spans.some((s) => s.service === 'order-service' && s.kind === SERVER) && spans.some((s) => s.service === 'user-service' && s.kind === SERVER);
      });
      const spans = receiver.trace(upstream.traceId);

      const userServer = spanOf(spans, 'user-service', SERVER);
      const call = spanOf(spans, 'user-service', INTERNAL, (s) => s.attributes['boundary.client'] !== undefined);
      expect(call).toMatchObject({ name: 'GET /users/{userId}/orders', parentSpanId: userServer.spanId });
      expect(call.attributes).toMatchObject({ 'boundary.attempts': 2, 'boundary.outcome': 'ok' });
      const attempts = spans.filter((s) => s.service === 'user-service' && s.kind === CLIENT);
      expect(attempts.map((s) => [s.parentSpanId, s.attributes['http.response.status_code'], s.attributes['http.request.resend_count']])).toEqual([
        [call.spanId, 503, undefined],
        [call.spanId, 200, 1],
      ]);
      expect(spanOf(spans, 'order-service', SERVER).parentSpanId).toBe(attempts[1].spanId);
    });
  });

  describe('a service started without any OTEL_* exporter variable', () => {
    let quietUserService: ServiceProcess;

    beforeAll(async () => {
      // The endpoint alone does not turn exporting on: the services default every exporter to none.
      quietUserService = await ServiceProcess.start('user-service', {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        ORDER_SERVICE_URL: orderService.url,
        ORDER_SERVICE_TOKEN,
      });
    });

    afterAll(() => quietUserService?.stop());

    it('exports nothing, yet carries the caller’s trace context to the next hop', async () => {
      const upstream = upstreamTraceparent();
      const answer = await fetch(`${quietUserService.url}/users/user123/orders`, { headers: { traceparent: upstream.header } });
      expect(answer.status).toBe(200);
      await receiver.waitFor(() => receiver.trace(upstream.traceId).some((s) => s.service === 'order-service' && s.kind === SERVER));
      const spans = receiver.trace(upstream.traceId);
      // The Order Service (exporting) saw the upstream's trace id through the quiet User Service, whose own spans
      // were never recorded: its server span's parent is the upstream's span itself.
      expect(spanOf(spans, 'order-service', SERVER).parentSpanId).toBe(upstream.parentSpanId);
      expect(spans.filter((s) => s.service === 'user-service')).toEqual([]);
    });
  });
});
