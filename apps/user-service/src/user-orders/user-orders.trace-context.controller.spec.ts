import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { OrderServiceClientStub } from '@boundary/order-client/testing';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { startUserServiceTestApp, withOrderServiceClient, type UserServiceTestApp } from '../user-service.test-app';

/**
 * Level 2 (`OrderServiceClient` overridden) with OpenTelemetry registered as the service's tracing.js registers it:
 * the stub records the context active when the controller calls the client, which the real client would carry on.
 */
describe('User Service GET /users/:userId/orders — the trace context reaches the client call (OrderServiceClient overridden)', () => {
  const stub = new OrderServiceClientStub();
  let tracing: RecordingTracing;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    tracing = recordingTracing();
    ({ app, get } = await startUserServiceTestApp(withOrderServiceClient(stub)));
  });
  afterAll(async () => {
    await app.close();
    await tracing.stop();
  });

  it('calls the client inside the request’s span, through the pipes, guards and filters of the app', async () => {
    stub.forUser('user123').returns(DEMO_ORDERS);
    const request = await tracing.inSpan('GET /users/:userId/orders', () => get('/users/user123/orders').expect(200));

    stub.verify();
    // The service's server span is the request's child, named by the route; the client is called inside it.
    const [server] = tracing.childrenOf(request);
    expect(server.name).toBe('GET /users/:userId/orders');
    expect(stub.history.map((call) => call.traceContext)).toEqual([
      { valid: true, traceId: request.traceId, parentSpanId: server.spanContext().spanId, sampled: true },
    ]);
  });
});
