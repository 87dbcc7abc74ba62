import { openTelemetryApi } from './optional-open-telemetry';
import { parseTraceparent, type TraceContext } from './trace-context';

/**
 * The trace context a call made now would carry: that of the span active in this async context, as a `traceparent`
 * its caller would send (its span as the parent), read by the kit's one parser; `undefined` outside any span or
 * without `@opentelemetry/api`. What a client stub records, in place of the header a real client would send.
 */
export function activeTraceContext(): TraceContext | undefined {
  const otel = openTelemetryApi();
  const span = otel?.trace.getSpanContext(otel.context.active());
  if (span === undefined) return undefined;
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, '0');
  return parseTraceparent(`00-${span.traceId}-${span.spanId}-${flags}`);
}
