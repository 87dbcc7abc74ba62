import { context, propagation, trace } from '@opentelemetry/api';
import { recordingTracing, type RecordingTracing } from './recording-tracing';

describe('recordingTracing', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());
  beforeEach(() => tracing.reset());

  it('runs work inside a new span, across awaits, and keeps each span as it ends', async () => {
    const inner: { traceId?: string; spanId?: string }[] = [];
    const outer = await tracing.inSpan('handle request', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      inner.push({ ...trace.getSpanContext(context.active()) });
      trace.getTracer('spec').startSpan('child').end();
    });

    expect(inner).toEqual([expect.objectContaining({ traceId: outer.traceId, spanId: outer.spanId })]);
    expect(tracing.finishedSpans().map((span) => [span.name, span.parentSpanContext?.spanId])).toEqual([
      ['child', outer.spanId],
      ['handle request', undefined],
    ]);
    expect(trace.getSpanContext(context.active())).toBeUndefined();
  });

  it('gives the children of a span in the order they started, to walk a trace down', async () => {
    const tracer = trace.getTracer('spec');
    let grandchild: string | undefined;
    const outer = await tracing.inSpan('handle request', async () => {
      const first = tracer.startSpan('first');
      await new Promise((resolve) => setTimeout(resolve, 2));
      const second = tracer.startSpan('second');
      // Ended in the other order: the children still come in the order they started.
      second.end();
      first.end();
      const nested = tracer.startSpan('nested', {}, trace.setSpan(context.active(), first));
      grandchild = nested.spanContext().spanId;
      nested.end();
    });

    const children = tracing.childrenOf(outer);
    expect(children.map((span) => span.name)).toEqual(['first', 'second']);
    expect(tracing.childrenOf(children[0].spanContext()).map((span) => span.spanContext().spanId)).toEqual([grandchild]);
    expect(tracing.childrenOf({ spanId: grandchild ?? '' })).toEqual([]);
  });

  it('starts a lazy thenable (a request sent when awaited) inside the span', async () => {
    let seen: string | undefined;
    const lazy = { then: (resolve: () => void) => ((seen = trace.getSpanContext(context.active())?.spanId), resolve()) };
    const span = await tracing.inSpan('lazy', () => lazy);
    expect(seen).toBe(span.spanId);
  });

  it('ends the span and rejects with the error of failed work', async () => {
    await expect(tracing.inSpan('fails', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(tracing.finishedSpans().map((span) => span.name)).toEqual(['fails']);
  });

  it('propagates W3C trace context', async () => {
    const carrier: Record<string, string> = {};
    const span = await tracing.inSpan('send', () => propagation.inject(context.active(), carrier));
    expect(carrier).toEqual({ traceparent: `00-${span.traceId}-${span.spanId}-01` });
  });

  it('offers an app’s stop no provider to shut down (it looks for forceFlush and shutdown): only stop() ends the recording', async () => {
    const registered = (trace.getTracerProvider() as unknown as { getDelegate(): object }).getDelegate();
    expect(registered).not.toHaveProperty('shutdown');
    expect(registered).not.toHaveProperty('forceFlush');
    const span = await tracing.inSpan('recorded', () => undefined);
    expect(tracing.finishedSpans().map((finished) => finished.spanContext().spanId)).toEqual([span.spanId]);
  });

  it('refuses a second registration, naming the stop() to call, and leaves the first one working', async () => {
    expect(() => recordingTracing()).toThrow(/a tracer provider is already registered; stop\(\) the previous recordingTracing\(\)/);
    const span = await tracing.inSpan('still recorded', () => undefined);
    expect(tracing.finishedSpans().map((finished) => finished.spanContext().spanId)).toEqual([span.spanId]);
  });
});

describe('recordingTracing stop()', () => {
  it('undoes the registration: no span is recorded, no context kept, nothing propagated', async () => {
    const tracing = recordingTracing();
    await tracing.stop();
    const span = trace.getTracer('spec').startSpan('after stop');
    expect(span.isRecording()).toBe(false);
    const carrier: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), span), () => propagation.inject(context.active(), carrier));
    expect(carrier).toEqual({});
    expect(propagation.fields()).toEqual([]);

    const again = recordingTracing();
    await expect(again.inSpan('again', () => undefined)).resolves.toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await again.stop();
  });
});
