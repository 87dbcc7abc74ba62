import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { isHealthProbe } from '../auth/presented-token';

/** The services' tracer: a no-op until tracing.js registers OpenTelemetry's SDK with a traces exporter. */
const tracer = trace.getTracer('@boundary/service-kit');

/** What the server span reads of a request (Fastify's, in its `onRequest` hook: the route is matched by then). */
export interface TracedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  routeOptions?: { url?: string };
}

/**
 * The context a request is to be served in, so that the calls and messages it causes continue its trace:
 *
 * - exporting (a recording tracer), a `SERVER` span of the request's own, child of the caller's W3C trace context
 *   (`traceparent`), named by the route the router matched (`GET /users/:userId/orders`, and `http.route`, as the
 *   semantic conventions ask; the method alone for a 404), ended when the response has gone (or the connection
 *   closed first) with the status it answered;
 * - not exporting, or for a health probe (Kubernetes' probes would be most of a service's spans), just the caller's
 *   context: what the request does still continues the caller's trace, at no cost;
 * - `undefined` when there is nothing to carry: no trace context from the caller and no span, or OpenTelemetry not
 *   registered (no propagator reads the header).
 *
 * The services make this span themselves instead of loading node:http's instrumentation, which binds every request's
 * and response's emitters and wraps their listeners, and cost the exporting chain 1.66–1.71× its CPU against 1.28×
 * with this span (bench/RESULTS.md, issue 28).
 */
export function serverSpanContext(request: TracedRequest, response: ServerResponse): Context | undefined {
  const caller = propagation.extract(context.active(), request.headers);
  const callerSpan = trace.getSpanContext(caller) ? caller : undefined;
  if (isHealthProbe(request)) return callerSpan;
  const route = request.routeOptions?.url;
  const span = tracer.startSpan(
    route === undefined ? request.method : `${request.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'url.path': pathOf(request.url), ...(route === undefined ? {} : { 'http.route': route }) },
    },
    caller,
  );
  if (!span.isRecording()) return callerSpan;
  response.once('close', () => {
    if (response.writableFinished) {
      span.setAttribute('http.response.status_code', response.statusCode);
      // A 4xx is the caller's mistake, not the server's: only a 5xx marks the server span failed.
      if (response.statusCode >= 500) span.setAttribute('error.type', String(response.statusCode)).setStatus({ code: SpanStatusCode.ERROR });
    } else {
      span.setAttribute('error.type', 'aborted').setStatus({ code: SpanStatusCode.ERROR, message: 'the connection closed before the response was sent' });
    }
    span.end();
  });
  return trace.setSpan(caller, span);
}

/** The request target without its query, which may hold what no span should keep. */
function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}
