import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answersOrders } from '@boundary/order-client/testing';
import { HttpServiceDouble, recordingTracing, type RecordingTracing } from '@boundary/testing';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, withHttpService, type UserServiceTestApp } from '../user-service.test-app';

/**
 * Level 1 (`HttpService` overridden) with OpenTelemetry registered as the service's tracing.js registers it (a tracer provider, async context,
 * W3C propagation), the Order Service replaced by the `HttpServiceDouble`: what the double records is what the
 * Order Service would receive.
 */
describe('User Service GET /users/:userId/orders — the trace context reaches the Order Service (HttpService overridden)', () => {
  const http = new HttpServiceDouble(TEST_ORDER_SERVICE_URL);
  let tracing: RecordingTracing;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    tracing = recordingTracing();
    ({ app, get } = await startUserServiceTestApp(withHttpService(http)));
  });
  afterAll(async () => {
    await app.close();
    await tracing.stop();
  });

  it('sends the Order Service a traceparent of the request’s trace, whose parent is the client’s attempt span, under its call span under the server span', async () => {
    http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS));
    const request = await tracing.inSpan('GET /users/:userId/orders', () => get('/users/user123/orders').expect(200));

    const [server] = tracing.childrenOf(request);
    const [call] = tracing.childrenOf(server.spanContext());
    const [attempt] = tracing.childrenOf(call.spanContext());
    expect([server.name, call.name, attempt.name]).toEqual(['GET /users/:userId/orders', 'GET /users/{userId}/orders', 'GET /users/{userId}/orders']);
    expect(http.requests.map((sent) => sent.headers['traceparent'])).toEqual([`00-${request.traceId}-${attempt.spanContext().spanId}-01`]);
    expect(http.requests.map((sent) => sent.traceContext)).toEqual([
      { valid: true, traceId: request.traceId, parentSpanId: attempt.spanContext().spanId, sampled: true },
    ]);
  });
});
