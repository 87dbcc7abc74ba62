import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { serverSpanContext, type TracedRequest } from './server-span';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** A request to `url`, matched to `route` (none: a 404), with `headers`. */
const requestTo = (url: string, route: string | undefined, headers: TracedRequest['headers'] = {}): TracedRequest => ({
  method: 'GET',
  url,
  headers,
  routeOptions: { url: route },
});

/** A response that has not closed yet; `close(status)` finishes it, `close()` closes it unfinished (the caller hung up). */
function openResponse() {
  const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: false });
  const close = (status?: number) => {
    if (status !== undefined) Object.assign(response, { statusCode: status, writableFinished: true });
    response.emit('close');
  };
  return { response: response as unknown as ServerResponse, close };
}

describe('serverSpanContext', () => {
  it('is undefined while OpenTelemetry is not registered: no propagator reads the header, no span records', () => {
    expect(serverSpanContext(requestTo('/users/u-1/orders', '/users/:userId/orders', { traceparent: TRACEPARENT }), openResponse().response)).toBeUndefined();
  });

  describe('exporting (a recording tracer registered)', () => {
    let tracing: RecordingTracing;
    beforeAll(() => (tracing = recordingTracing()));
    beforeEach(() => tracing.reset());
    afterAll(() => tracing.stop());

    it('is a server span named by the route matched, child of the caller’s traceparent, ended with the status once the response has gone', () => {
      const { response, close } = openResponse();
      const served = serverSpanContext(requestTo('/users/u-1/orders?page=2', '/users/:userId/orders', { traceparent: TRACEPARENT }), response);
      const active = trace.getSpan(served ?? ROOT_CONTEXT);
      expect(active?.spanContext().traceId).toBe(TRACE_ID);
      expect(tracing.finishedSpans()).toEqual([]);

      close(200);
      const [span] = tracing.finishedSpans();
      expect(span.spanContext().spanId).toBe(active?.spanContext().spanId);
      expect(span.name).toBe('GET /users/:userId/orders');
      expect(span.kind).toBe(SpanKind.SERVER);
      expect(span.parentSpanContext).toMatchObject({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, isRemote: true });
      // The query is left out of the path: it may hold what no span should keep.
      expect(span.attributes).toEqual({
        'http.request.method': 'GET',
        'http.route': '/users/:userId/orders',
        'url.path': '/users/u-1/orders',
        'http.response.status_code': 200,
      });
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    });

    it('starts a new trace for a caller that sent no trace context, or a malformed one', () => {
      for (const headers of [{}, { traceparent: `00-${TRACE_ID}-${'0'.repeat(16)}-01` }]) {
        const { response, close } = openResponse();
        expect(serverSpanContext(requestTo('/users/u-1/orders', '/users/:userId/orders', headers), response)).toBeDefined();
        close(200);
      }
      const spans = tracing.finishedSpans();
      expect(spans).toHaveLength(2);
      for (const span of spans) {
        expect(span.parentSpanContext).toBeUndefined();
        expect(span.spanContext().traceId).not.toBe(TRACE_ID);
      }
    });

    it('names a request no route matched (a 404) by its method alone, without http.route', () => {
      const { response, close } = openResponse();
      serverSpanContext(requestTo('/nowhere', undefined), response);
      close(404);
      expect(tracing.finishedSpans().map((span) => [span.name, span.attributes['http.route'], span.status.code])).toEqual([['GET', undefined, SpanStatusCode.UNSET]]);
    });

    it('marks a 5xx answer failed, with the status as error.type; a 4xx is the caller’s and is not', () => {
      for (const status of [503, 400]) {
        const { response, close } = openResponse();
        serverSpanContext(requestTo('/users/u-1/orders', '/users/:userId/orders'), response);
        close(status);
      }
      expect(tracing.finishedSpans().map((span) => [span.attributes['http.response.status_code'], span.attributes['error.type'], span.status.code])).toEqual([
        [503, '503', SpanStatusCode.ERROR],
        [400, undefined, SpanStatusCode.UNSET],
      ]);
    });

    it('ends the span failed when the connection closes before the response was sent', () => {
      const { response, close } = openResponse();
      serverSpanContext(requestTo('/users/u-1/orders', '/users/:userId/orders'), response);
      close();
      const [span] = tracing.finishedSpans();
      expect(span.attributes['error.type']).toBe('aborted');
      expect(span.attributes['http.response.status_code']).toBeUndefined();
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
    });

    it('makes no span for a health probe, which is still served in its caller’s context', () => {
      const { response, close } = openResponse();
      const served = serverSpanContext(requestTo('/health/ready', '/health/ready', { traceparent: TRACEPARENT }), response);
      close(200);
      expect(trace.getSpanContext(served ?? ROOT_CONTEXT)).toEqual({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, traceFlags: 1, isRemote: true });
      expect(serverSpanContext(requestTo('/health/live', '/health/live'), openResponse().response)).toBeUndefined();
      expect(tracing.finishedSpans()).toEqual([]);
    });

    it('is a child of the span active when the request arrives, where the caller sent no traceparent (an in-process request)', async () => {
      const { response, close } = openResponse();
      const caller = await tracing.inSpan('inject', () => {
        const served = serverSpanContext(requestTo('/users/u-1/orders', '/users/:userId/orders'), response);
        expect(trace.getSpan(served ?? ROOT_CONTEXT)).not.toBe(trace.getSpan(context.active()));
      });
      close(200);
      const server = tracing.finishedSpans().find((span) => span.kind === SpanKind.SERVER);
      expect(server?.parentSpanContext?.spanId).toBe(caller.spanId);
    });
  });
});
