import { isSpanContextValid, trace } from '@opentelemetry/api';

/** What ties a log line to its trace. */
export interface TraceLogFields {
  trace_id?: string;
  span_id?: string;
}

/**
 * The active span's ids, for every log line (pino's `mixin`): a line written while a request or a message is handled
 * names the trace and span it belongs to, beside the request id. Nothing without an active span — and without the
 * SDK, `@opentelemetry/api` has none, so this costs a lookup.
 */
export function traceLogFields(): TraceLogFields {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
