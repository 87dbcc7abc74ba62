import type * as OpenTelemetryApi from '@opentelemetry/api';
import type { SpanContext } from '@opentelemetry/api';
import type * as ContextAsyncHooks from '@opentelemetry/context-async-hooks';
import type * as OpenTelemetryCore from '@opentelemetry/core';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** OpenTelemetry registered for a test file by `recordingTracing()`. */
export interface RecordingTracing {
  /** The spans ended since the start (or the last `reset()`), in the order they ended. */
  finishedSpans(): ReadableSpan[];
  /**
   * The finished spans whose parent is `parent` (a span's context, e.g. what `inSpan` resolves to), in the order they
   * started: to walk a request's trace down, hop by hop.
   */
  childrenOf(parent: Pick<SpanContext, 'spanId'>): ReadableSpan[];
  /**
   * Runs `work` inside a new span named `name` (the caller's, e.g. an incoming request's) and ends it when `work`
   * settles; resolves to the span's context, or rejects with `work`'s error.
   */
  inSpan(name: string, work: () => unknown): Promise<SpanContext>;
  /** Forgets the finished spans, for the tests of a file (call it in `beforeEach`). */
  reset(): void;
  /** Undoes the registration (call it in `afterAll`): OpenTelemetry is a no-op again. */
  stop(): Promise<void>;
}

/**
 * Registers OpenTelemetry as a service's `tracing.js` does, minus the instrumentations, for tests that trace: a
 * tracer provider whose spans are kept in memory as each ends, async context (AsyncLocalStorage) and W3C trace
 * context propagation. Throws if a tracer provider or a context manager is already registered (a `stop()` forgotten).
 * Closing an app under test does not end the recording: only `stop()` does.
 * Needs the optional peers `@opentelemetry/api`, `/sdk-trace-base`, `/context-async-hooks` and `/core`, loaded here.
 *
 * @example
 * let tracing: RecordingTracing;
 * beforeAll(() => (tracing = recordingTracing()));
 * afterAll(() => tracing.stop());
 * const request = await tracing.inSpan('GET /users/:userId/orders', () => get('/users/user123/orders'));
 * expect(http.requests[0].traceContext).toMatchObject({ traceId: request.traceId });
 */
export function recordingTracing(): RecordingTracing {
  const { context, propagation, trace } = require('@opentelemetry/api') as typeof OpenTelemetryApi;
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof ContextAsyncHooks;
  const { hrTimeToNanoseconds, W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof OpenTelemetryCore;
  const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;

  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  // Each registration refuses to replace one already made; only what this call registered is undone.
  const undo: (() => void)[] = [() => contextManager.disable()];
  const registrations: [string, () => boolean, () => void][] = [
    // Registered without the SDK provider's forceFlush/shutdown: a service's stop (service-kit's TracingShutdownModule)
    // shuts down the provider it finds, and an app closed mid-file must leave the file's spans recording.
    ['a tracer provider', () => trace.setGlobalTracerProvider({ getTracer: (...args) => provider.getTracer(...args) }), () => trace.disable()],
    ['a context manager', () => context.setGlobalContextManager(contextManager), () => context.disable()],
    ['a propagator', () => propagation.setGlobalPropagator(new W3CTraceContextPropagator()), () => propagation.disable()],
  ];
  for (const [what, register, unregister] of registrations) {
    if (!register()) {
      for (const step of undo.reverse()) step();
      throw new Error(`recordingTracing: ${what} is already registered; stop() the previous recordingTracing() (in afterAll)`);
    }
    undo.push(unregister);
  }
  const stop = async () => {
    for (const step of undo.reverse()) step();
    undo.length = 0;
    await provider.shutdown();
  };
  const tracer = provider.getTracer('@boundary/testing');

  return {
    finishedSpans: () => exporter.getFinishedSpans(),
    childrenOf: (parent) =>
      exporter
        .getFinishedSpans()
        .filter((span) => span.parentSpanContext?.spanId === parent.spanId)
        .sort((one, other) => hrTimeToNanoseconds(one.startTime) - hrTimeToNanoseconds(other.startTime)),
    inSpan: async (name, work) => {
      const span = tracer.startSpan(name);
      try {
        // Awaited inside the span, so a lazy thenable (a request sent when awaited) is started there too.
        await context.with(trace.setSpan(context.active(), span), async () => await work());
      } finally {
        span.end();
      }
      return span.spanContext();
    },
    reset: () => exporter.reset(),
    stop,
  };
}
