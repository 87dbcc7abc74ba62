import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { callerTraceContext } from './caller-trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

describe('callerTraceContext', () => {
  it('is undefined while OpenTelemetry is not registered: no propagator reads the header', () => {
    expect(callerTraceContext({ traceparent: TRACEPARENT })).toBeUndefined();
  });

  describe('with OpenTelemetry registered and no HTTP instrumentation', () => {
    let tracing: RecordingTracing;
    beforeAll(() => (tracing = recordingTracing()));
    afterAll(() => tracing.stop());

    it('is the caller’s trace context, remote, with its span as the parent of what the request does', () => {
      const caller = callerTraceContext({ traceparent: TRACEPARENT, accept: 'application/json' });
      expect(trace.getSpanContext(caller ?? ROOT_CONTEXT)).toEqual({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, traceFlags: 1, isRemote: true });
    });

    it('is undefined for a caller that sent no trace context, or a malformed one', () => {
      expect(callerTraceContext({ accept: 'application/json' })).toBeUndefined();
      expect(callerTraceContext({ traceparent: `00-${TRACE_ID}-${'0'.repeat(16)}-01` })).toBeUndefined();
    });

    it('leaves a span already active alone (the HTTP instrumentation’s server span, when exporting)', async () => {
      await tracing.inSpan('GET /users/:userId/orders', () => {
        expect(trace.getSpanContext(context.active())).toBeDefined();
        expect(callerTraceContext({ traceparent: TRACEPARENT })).toBeUndefined();
      });
    });
  });
});
