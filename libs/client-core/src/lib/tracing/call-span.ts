import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { CalledResource } from '../called-resource';

/** The client core's tracer: a no-op until an application registers OpenTelemetry's SDK. */
const tracer = trace.getTracer('@boundary/client-core');

/** How a call ended, as its span says it: `ok`, the failure's kind (`timeout`, `circuit-open`, …) or `abandoned`. */
export type CallOutcome = 'ok' | 'abandoned' | (string & {});

/**
 * One client call as a span — named and tagged by its route template (`GET /users/{userId}/orders`), never the
 * expanded path, so calls group by route and no identifier lands in span names — whose attempts run in its context:
 * under OpenTelemetry's http instrumentation each attempt is a client span of its own under this one, so a retried
 * call shows as two attempt spans under one call span. It records the attempts made and the outcome, and gives each
 * attempt the W3C trace context to send (`traceparent`), so a provider — or a test double — receives it even where no
 * http instrumentation runs.
 */
export class CallSpan {
  private attempts = 0;

  private constructor(
    private readonly span: Span,
    /** The call's context: its attempts run in it. */
    readonly context: Context,
  ) {}

  /** Starts the span of a call of `client` to `resource`, as a child of `parent` (the caller's context at call time). */
  static start(client: string, resource: CalledResource, parent: Context): CallSpan {
    const span = tracer.startSpan(
      `${resource.method} ${resource.path}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: { 'http.request.method': resource.method, 'url.template': resource.path, 'boundary.client': client },
      },
      parent,
    );
    return new CallSpan(span, trace.setSpan(parent, span));
  }

  /** Counts one attempt and returns `headers` with the active trace context added. */
  attempt<Headers extends object>(headers: Headers): Headers {
    this.attempts++;
    propagation.inject(context.active(), headers);
    return headers;
  }

  /** Ends the span: `ok` with the provider's status, or failed with `outcome` (and the provider's status if it answered). */
  end(outcome: CallOutcome, status?: number): void {
    this.span.setAttributes({ 'boundary.attempts': this.attempts, 'boundary.outcome': outcome });
    if (status !== undefined) this.span.setAttribute('http.response.status_code', status);
    if (outcome !== 'ok') this.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    this.span.end();
  }
}
