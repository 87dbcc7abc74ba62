import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answers, FaultServer, recordingTracing, type RecordingTracing } from '@boundary/testing';
import { startUserServiceTestApp, TEST_TIMEOUT_MS, type UserServiceTestApp } from '../user-service.test-app';

/**
 * Level 3 on a real socket: the real client calls a `FaultServer` on 127.0.0.1, with OpenTelemetry registered as the
 * service's tracing.js registers it. The server records the `traceparent` as it arrived on the wire.
 */
describe('User Service GET /users/:userId/orders — the trace context reaches the Order Service on the wire (FaultServer)', () => {
  let server: FaultServer;
  let tracing: RecordingTracing;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    tracing = recordingTracing();
    server = await FaultServer.start();
    ({ app, get } = await startUserServiceTestApp(undefined, TEST_TIMEOUT_MS.network, {
      orderClient: { baseUrl: server.url, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } },
    }));
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    await tracing.stop();
  });

  it('sends, on every attempt of a retried call, a traceparent of the request’s trace whose parent is that attempt’s span, both under one call span', async () => {
    server.next(answers(503, { error: 'busy' }), answers(200, DEMO_ORDERS));
    const request = await tracing.inSpan('GET /users/:userId/orders', () => get('/users/user123/orders').expect(200));

    const [serverSpan] = tracing.childrenOf(request);
    const [call] = tracing.childrenOf(serverSpan.spanContext());
    const attempts = tracing.childrenOf(call.spanContext());
    expect(call.attributes['boundary.attempts']).toBe(2);
    expect(attempts.map((attempt) => attempt.attributes['http.response.status_code'])).toEqual([503, 200]);
    const sentBy = (attempt: (typeof attempts)[number]) => ({ valid: true, traceId: request.traceId, parentSpanId: attempt.spanContext().spanId, sampled: true });
    expect(server.requests.map((received) => [received.target, received.traceContext])).toEqual([
      ['/users/user123/orders', sentBy(attempts[0])],
      ['/users/user123/orders', sentBy(attempts[1])],
    ]);
  });
});
