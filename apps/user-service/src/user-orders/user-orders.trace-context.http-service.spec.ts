import type { INestApplication } from '@nestjs/common';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answersOrders } from '@boundary/order-client/testing';
import { HttpServiceDouble } from '@boundary/testing';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL, withHttpService, type UserServiceTestApp } from '../user-service.test-app';

/**
 * Level 1 (`HttpService` overridden) with OpenTelemetry registered as the service's tracing.js registers it (a tracer provider, async context,
 * W3C propagation), the Order Service replaced by the `HttpServiceDouble`: what the double records is what the
 * Order Service would receive.
 */
describe('User Service GET /users/:userId/orders — the trace context reaches the Order Service (HttpService overridden)', () => {
  const http = new HttpServiceDouble(TEST_ORDER_SERVICE_URL);
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager();
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    ({ app, get } = await startUserServiceTestApp(withHttpService(http)));
  });
  afterAll(async () => {
    await app.close();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('sends the Order Service a traceparent of the request’s trace, whose parent is the client’s call span', async () => {
    http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS));
    const request = provider.getTracer('spec').startSpan('GET /users/:userId/orders');
    await context.with(trace.setSpan(context.active(), request), () => get('/users/user123/orders').expect(200));
    request.end();

    const call = exporter.getFinishedSpans().find((span) => span.instrumentationScope.name === '@boundary/client-core');
    expect(call?.name).toBe('GET /users/{userId}/orders');
    expect(call?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(http.requests.map((sent) => sent.headers['traceparent'])).toEqual([
      `00-${request.spanContext().traceId}-${call?.spanContext().spanId}-01`,
    ]);
  });
});
