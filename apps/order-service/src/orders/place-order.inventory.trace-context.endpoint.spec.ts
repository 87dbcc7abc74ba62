import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { answers, FaultServer, recordingTracing, type RecordingTracing } from '@boundary/testing';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: 'Lamp', quantity: 2 };

/**
 * `POST /orders` with OpenTelemetry registered as the service's tracing.js registers it, the real Inventory Service
 * client calling a `FaultServer` on 127.0.0.1: the server records the `traceparent` as it arrived on the wire. The
 * request goes through Fastify's `inject()`, in process, so it runs inside the test's span (a request over a socket
 * would take its context from tracing.js' HTTP instrumentation, which a test does not load).
 */
describe('Order Service POST /orders — the trace context reaches the Inventory Service on the wire (FaultServer)', () => {
  let server: FaultServer;
  let tracing: RecordingTracing;
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    tracing = recordingTracing();
    server = await FaultServer.start();
    testDatabase = await TEST_BACKENDS[0].create();
    service = await startOrderServiceTestApp(testDatabase.options(), {
      inventory: 'real',
      inventoryClient: { baseUrl: server.url, retry: { maxRetries: 0 } },
    });
  });
  afterAll(async () => {
    await service?.app.close();
    await server?.stop();
    await testDatabase?.drop();
    await tracing.stop();
  });

  it('sends the reservation a traceparent of the request’s trace, whose parent is the client’s attempt span, under its call span under the server span', async () => {
    server.next(answers(201, RESERVATION));
    let status: number | undefined;
    const request = await tracing.inSpan('POST /orders', async () => {
      const response = await service.app.inject({
        method: 'POST',
        url: '/orders',
        headers: { [IDEMPOTENCY_KEY_HEADER]: 'key-t1' },
        payload: { user_id: 't1', item: 'Lamp', quantity: 2 },
      });
      status = response.statusCode;
    });
    expect(status).toBe(201);

    // app.inject: the request arrives in the spec's span, so the service's server span is its child.
    const [serverSpan] = tracing.childrenOf(request);
    const [call] = tracing.childrenOf(serverSpan.spanContext());
    const [attempt] = tracing.childrenOf(call.spanContext());
    expect([serverSpan.name, call.name]).toEqual(['POST /orders', 'POST /reservations']);
    expect(server.requests.map((received) => [received.method, received.target, received.traceContext])).toEqual([
      ['POST', '/reservations', { valid: true, traceId: request.traceId, parentSpanId: attempt.spanContext().spanId, sampled: true }],
    ]);
  });
});
