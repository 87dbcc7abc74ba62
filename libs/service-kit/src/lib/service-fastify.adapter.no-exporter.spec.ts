import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { createServiceFastifyAdapter } from './service-fastify.adapter';
import { startServiceTracing } from './tracing/service-tracing';

// A file of its own: the tracers of the adapter and the client core are taken once, when their modules load, and keep
// the first provider registered; a recording tracer in the same file would outlive its stop() in them.
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

/** What a handler's calls would send on: the trace context active while it runs, after an await. */
async function activeSpanContextAfterAwait() {
  await new Promise((resolve) => setImmediate(resolve));
  return trace.getSpanContext(context.active()) ?? null;
}

describe('createServiceFastifyAdapter with OpenTelemetry registered and no traces exporter (tracing.js by default)', () => {
  const fastify = createServiceFastifyAdapter().getInstance();
  const saved = { ...process.env };
  let sdk: NodeSDK;
  let port: number;

  beforeAll(async () => {
    delete process.env['OTEL_TRACES_EXPORTER'];
    sdk = startServiceTracing('adapter-spec');
    fastify.get('/trace', async () => activeSpanContextAfterAwait());
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await fastify.close();
    await sdk.shutdown();
    // The SDK's shutdown leaves its registrations in place: the next describe registers its own.
    trace.disable();
    context.disable();
    propagation.disable();
    process.env = saved;
  });

  const served = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/trace`, { headers }).then((response) => response.json());

  it('serves a request in its caller’s trace context, over a real socket', async () => {
    expect(await served({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` })).toEqual({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, traceFlags: 1, isRemote: true });
  });

  it('serves a request that came with no trace context in none', async () => {
    expect(await served({})).toBeNull();
  });
});
