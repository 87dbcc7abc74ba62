import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answersOrders } from '@boundary/order-client/testing';
import { HttpInterception, recordingTracing, replyWith, type RecordingTracing } from '@boundary/testing';
import nock from 'nock';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, TEST_TIMEOUT_MS, type UserServiceTestApp } from '../user-service.test-app';

/**
 * Level 3 (the real client over real axios, nock answering at the socket) with OpenTelemetry registered as the
 * service's tracing.js registers it: the interception records the `traceparent` as it left the process.
 */
describe('User Service GET /users/:userId/orders — the trace context reaches the Order Service (HTTP intercepted by nock)', () => {
  const interception = new HttpInterception();
  let tracing: RecordingTracing;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    tracing = recordingTracing();
    ({ app, get } = await startUserServiceTestApp(undefined, TEST_TIMEOUT_MS.network));
  });
  afterAll(async () => {
    await app.close();
    await tracing.stop();
  });
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  it('sends a traceparent of the request’s trace, whose parent is the client’s attempt span, under its call span under the server span', async () => {
    replyWith(nock(TEST_ORDER_SERVICE_URL).get('/users/user123/orders'), answersOrders(DEMO_ORDERS));
    const request = await tracing.inSpan('GET /users/:userId/orders', () => get('/users/user123/orders').expect(200));

    const [server] = tracing.childrenOf(request);
    const [call] = tracing.childrenOf(server.spanContext());
    const [attempt] = tracing.childrenOf(call.spanContext());
    expect([server.name, call.name]).toEqual(['GET /users/:userId/orders', 'GET /users/{userId}/orders']);
    expect(interception.requests.map((sent) => sent.traceContext)).toEqual([
      { valid: true, traceId: request.traceId, parentSpanId: attempt.spanContext().spanId, sampled: true },
    ]);
  });
});
