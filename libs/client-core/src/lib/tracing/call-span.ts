import { propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { CalledResource } from '../called-resource';
import { ProviderCallError } from '../errors/provider-call.error';

/** The client core's tracer: a no-op until an application registers OpenTelemetry's SDK. */
const tracer = trace.getTracer('@boundary/client-core');

/** How a call ended, as its span says it: `ok`, the failure's kind (`timeout`, `circuit-open`, …) or `abandoned`. */
export type CallOutcome = 'ok' | 'abandoned' | (string & {});

/**
 * One client call as a span — named and tagged by its route template (`GET /users/{userId}/orders`), never the
 * expanded path, so calls group by route and no identifier lands in span names — with each attempt a `CLIENT` span of
 * its own under it, so a retried call shows as two attempt spans under one call span. The call span records the
 * attempts made and the outcome; each attempt sends its own W3C trace context (`traceparent`), so the provider's
 * server span is the attempt's child. These are the chain's HTTP client spans: the services load no node:http
 * instrumentation (bench/RESULTS.md, issue 28), and a test double receives the context just as a provider would.
 */
export class CallSpan {
  private attempts = 0;

  private constructor(
    private readonly span: Span,
    /** The call's context: its attempts run in it. */
    readonly context: Context,
    /** The route's name and attributes, which the call and each attempt share. */
    private readonly name: string,
    private readonly route: Attributes,
  ) {}

  /** Starts the span of a call of `client` to `resource`, as a child of `parent` (the caller's context at call time). */
  static start(client: string, resource: CalledResource, parent: Context): CallSpan {
    const name = `${resource.method} ${resource.path}`;
    const route = { 'http.request.method': resource.method, 'url.template': resource.path };
    const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: { ...route, 'boundary.client': client } }, parent);
    return new CallSpan(span, trace.setSpan(parent, span), name, route);
  }

  /**
   * Sends one attempt with `send`, given `headers` with the attempt's trace context added, inside a `CLIENT` span
   * child of the call's: ended with the provider's status, or failed with the failure's kind (and status, if the
   * provider answered), `abandoned` when `signal` aborted it (its attempt timeout, the call's deadline or the caller
   * gone: the call span says which). Resolves or rejects as `send` does.
   */
  async attempt<Headers extends object, Response extends { status: number }>(
    headers: Headers,
    signal: AbortSignal,
    send: (headers: Headers) => Promise<Response>,
  ): Promise<Response> {
    const resendCount = this.attempts++;
    const span = tracer.startSpan(
      this.name,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          ...this.route,
          // The semantic conventions' count of the times this request was sent before: retries, from 1.
          ...(resendCount > 0 ? { 'http.request.resend_count': resendCount } : {}),
        },
      },
      this.context,
    );
    propagation.inject(trace.setSpan(this.context, span), headers);
    try {
      const response = await send(headers);
      span.setAttribute('http.response.status_code', response.status);
      return response;
    } catch (error) {
      const { kind, status } = !signal.aborted && error instanceof ProviderCallError ? error : { kind: 'abandoned', status: undefined };
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      span.setAttribute('error.type', status === undefined ? kind : String(status)).setStatus({ code: SpanStatusCode.ERROR, message: kind });
      throw error;
    } finally {
      span.end();
    }
  }

  /** Ends the span: `ok` with the provider's status, or failed with `outcome` (and the provider's status if it answered). */
  end(outcome: CallOutcome, status?: number): void {
    this.span.setAttributes({ 'boundary.attempts': this.attempts, 'boundary.outcome': outcome });
    if (status !== undefined) this.span.setAttribute('http.response.status_code', status);
    if (outcome !== 'ok') this.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    this.span.end();
  }
}
