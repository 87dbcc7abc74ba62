import { context, propagation, trace, type Context } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The context a request is to be served in when no HTTP instrumentation made one: the caller's W3C trace context
 * (its `traceparent`), so that the calls and messages the request causes continue the caller's trace. With no traces
 * exporter a service's tracing.js loads no HTTP instrumentation, whose spans nothing would record and which cost the
 * chain about half its CPU again (bench/RESULTS.md, chain throughput, issue 28's rows); this is all of it a service
 * then needs. `undefined` when a span is active already (the instrumentation's server span, when exporting), when
 * the caller sent no trace context, or when OpenTelemetry is not registered (no propagator: nothing is extracted).
 */
export function callerTraceContext(headers: IncomingHttpHeaders): Context | undefined {
  const active = context.active();
  if (trace.getSpanContext(active)) return undefined;
  const caller = propagation.extract(active, headers);
  return trace.getSpanContext(caller) ? caller : undefined;
}
