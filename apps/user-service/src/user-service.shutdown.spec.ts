import { DEMO_ORDERS } from '@boundary/order-contract';
import { OrderServiceClientStub } from '@boundary/order-client/testing';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startUserServiceTestApp, withOrderServiceClient } from './user-service.test-app';

/**
 * The tracer provider registered as tracing.js registers the SDK's, batching as the SDK does but sending only every
 * minute: what the exporter holds after `app.close()` was flushed by the service's stop.
 */
describe('User Service shutdown and its spans', () => {
  const exported: ReadableSpan[] = [];
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    const exporter = {
      export: (spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void) => {
        exported.push(...spans);
        done({ code: ExportResultCode.SUCCESS });
      },
      shutdown: async () => undefined,
    };
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 60_000 })] }),
    );
    context.setGlobalContextManager(contextManager.enable());
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('flushes the spans of the last request when the app closes', async () => {
    const stub = new OrderServiceClientStub().forUser('user123').returns(DEMO_ORDERS);
    const { app, get } = await startUserServiceTestApp(withOrderServiceClient(stub));
    await trace.getTracer('spec').startActiveSpan('GET /users/:userId/orders', async (span) => {
      await get('/users/user123/orders').expect(200);
      span.end();
    });
    expect(exported).toEqual([]);

    await app.close();
    // The spec's span and the service's server span of the request, child of it.
    expect(exported.map((span) => span.name)).toEqual(['GET /users/:userId/orders', 'GET /users/:userId/orders']);
  });
});
