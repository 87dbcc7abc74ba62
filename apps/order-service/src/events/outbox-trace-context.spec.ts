import { context, propagation, ROOT_CONTEXT, trace, TraceFlags, type TextMapPropagator } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { activeOutboxTraceContext, outboxRowContext } from './outbox-trace-context';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** A propagator writing `headers` whatever the context: what a misconfigured or foreign propagator may do. */
const writing = (headers: Record<string, string>): TextMapPropagator => ({
  inject: (_context, carrier, setter) => Object.entries(headers).forEach(([name, value]) => setter.set(carrier, name, value)),
  extract: (extracted) => extracted,
  fields: () => Object.keys(headers),
});

describe('the trace context an outbox row keeps', () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());
  afterEach(() => propagation.disable());

  it('is the active traceparent and tracestate, as the W3C propagator writes them, and nothing else', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const active = propagation.extract(ROOT_CONTEXT, { traceparent: TRACEPARENT, tracestate: 'vendor=opaque' });
    expect(context.with(active, activeOutboxTraceContext)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=opaque' });
  });

  it('is null with tracing off, or in no trace', () => {
    expect(activeOutboxTraceContext()).toBeNull();
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    expect(activeOutboxTraceContext()).toBeNull();
  });

  it('leaves out what the column would refuse, so a trace context never fails an order', () => {
    propagation.setGlobalPropagator(writing({ traceparent: 'cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra', tracestate: 'a=b' }));
    expect(activeOutboxTraceContext()).toBeNull();
    propagation.disable();
    propagation.setGlobalPropagator(writing({ traceparent: TRACEPARENT, tracestate: 'a='.padEnd(513, 'b'), baggage: 'user=1' }));
    expect(activeOutboxTraceContext()).toEqual({ traceparent: TRACEPARENT });
  });

  it('is the context its event is published in; a row without one is published in none, not the relay’s', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    expect(trace.getSpanContext(outboxRowContext({ traceparent: TRACEPARENT }))).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const relays = trace.setSpanContext(ROOT_CONTEXT, { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED });
    expect(context.with(relays, () => outboxRowContext(null))).toBe(ROOT_CONTEXT);
  });
});
