import { trace } from '@opentelemetry/api';

/** OpenTelemetry's semantic-convention attribute for the route template a server matched. */
const HTTP_ROUTE = 'http.route';

/**
 * Names the HTTP instrumentation's server span of a request by the route the router matched, `GET
 * /users/:userId/orders`, and records the template as `http.route`, as the semantic conventions ask: the span then
 * says which endpoint was called, not just the method. This is what Nest's instrumentation was loaded for — its two
 * handler spans per request repeated the route, and cost the exporting chain more than the server span itself
 * (bench/RESULTS.md, issue 28's levers). Nothing happens without a recording span (tracing off, or no HTTP
 * instrumentation) or without a matched route (a 404).
 */
export function nameServerSpan(method: string, route: string | undefined): void {
  if (route === undefined) return;
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.setAttribute(HTTP_ROUTE, route);
  span.updateName(`${method} ${route}`);
}
