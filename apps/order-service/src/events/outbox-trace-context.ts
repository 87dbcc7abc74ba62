import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { MAX_OUTBOX_TRACESTATE_LENGTH, OUTBOX_TRACEPARENT_PATTERN, type OutboxTraceContext } from '../database/order-service.schema';

const traceparentKept = new RegExp(OUTBOX_TRACEPARENT_PATTERN);

/**
 * The trace context of the active request, as an outbox row keeps it: the headers OpenTelemetry's propagator writes
 * for it (W3C `traceparent`, and `tracestate` when there is one), and nothing else — not the request's baggage.
 * `null` when there is none (tracing off, or no active span), or when a propagator wrote one the column would refuse:
 * a trace context never fails an order.
 */
export function activeOutboxTraceContext(): OutboxTraceContext | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const { traceparent, tracestate } = carrier;
  if (typeof traceparent !== 'string' || !traceparentKept.test(traceparent)) return null;
  const keepsState = typeof tracestate === 'string' && tracestate.length <= MAX_OUTBOX_TRACESTATE_LENGTH;
  return keepsState ? { traceparent, tracestate } : { traceparent };
}

/**
 * The context an outbox row's event is published in: the one of the request that wrote the row, or none at all
 * (`ROOT_CONTEXT`) for a row without one — never the relay's own, which would put one order's event in another's trace.
 */
export function outboxRowContext(traceContext: OutboxTraceContext | null | undefined): Context {
  return traceContext ? propagation.extract(ROOT_CONTEXT, traceContext) : ROOT_CONTEXT;
}
