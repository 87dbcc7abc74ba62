import type * as OpenTelemetryApi from '@opentelemetry/api';
import { parseTraceparent, type TraceContext } from './trace-context';

let api: typeof OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api` is an optional peer of the kit: loaded on the first call, and a stub of a project without it
 * simply records no context.
 */
function loadApi(): typeof OpenTelemetryApi | null {
  if (api === undefined) {
    try {
      api = require('@opentelemetry/api') as typeof OpenTelemetryApi;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      api = null;
    }
  }
  return api;
}

/**
 * The trace context a call made now would carry: that of the span active in this async context, as a `traceparent`
 * its caller would send (its span as the parent), read by the kit's one parser; `undefined` outside any span or
 * without `@opentelemetry/api`. What a client stub records, in place of the header a real client would send.
 */
export function activeTraceContext(): TraceContext | undefined {
  const otel = loadApi();
  const span = otel?.trace.getSpanContext(otel.context.active());
  if (span === undefined) return undefined;
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, '0');
  return parseTraceparent(`00-${span.traceId}-${span.spanId}-${flags}`);
}
