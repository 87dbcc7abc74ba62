import { trace, type TracerProvider } from '@opentelemetry/api';

/**
 * How long a service's stop waits for its last spans. The OTLP exporter gives up on a request after
 * `OTEL_EXPORTER_OTLP_TIMEOUT` (10 000 ms by default) and the batch processor on a batch after `OTEL_BSP_EXPORT_TIMEOUT`
 * (30 000 ms), both beyond what a pod has left: its grace period (15 s in deploy/) holds the preStop pause, the drain and
 * a 5 s margin for the last requests, the databases' close and this flush. A collector that answers does so in
 * milliseconds; one that does not costs at most this, and the spans it holds are dropped.
 */
export const TRACE_FLUSH_TIMEOUT_MS = 2_000;

/** What the SDK's tracer provider offers beyond the API's `TracerProvider`. */
interface SdkTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** What became of the spans a service still held when it stopped. */
export type TracerProviderShutdownOutcome =
  /** No SDK tracer provider is registered (tracing off, `OTEL_TRACES_EXPORTER=none`): nothing to do. */
  | { kind: 'no-provider' }
  /** Every span was handed to the exporter, which answered; the provider is shut down. */
  | { kind: 'flushed' }
  /** The exporter did not answer within `timeoutMs`: its spans are dropped. */
  | { kind: 'timed-out'; timeoutMs: number }
  /** The exporter refused them (e.g. the collector answered an error). */
  | { kind: 'failed'; error: unknown };

/**
 * Flushes the spans of the tracer provider registered globally and shuts it down, in at most `timeoutMs`. The
 * provider is the SDK's that the service's preloaded tracing.js registered: tracing.js is bundled apart from main.js,
 * so it is reached through `@opentelemetry/api`'s global (the proxy's delegate), never imported. Never rejects.
 */
export async function shutDownTracerProvider(timeoutMs: number = TRACE_FLUSH_TIMEOUT_MS): Promise<TracerProviderShutdownOutcome> {
  const registered = trace.getTracerProvider() as TracerProvider & { getDelegate?: () => TracerProvider };
  const provider = registered.getDelegate?.() ?? registered;
  if (!isSdkTracerProvider(provider)) return { kind: 'no-provider' };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<TracerProviderShutdownOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out', timeoutMs }), timeoutMs);
    // The process may exit meanwhile: that is what the bound is for.
    timer.unref();
  });
  const flushed = provider
    .forceFlush()
    .then(() => provider.shutdown())
    .then((): TracerProviderShutdownOutcome => ({ kind: 'flushed' }))
    .catch((error: unknown): TracerProviderShutdownOutcome => ({ kind: 'failed', error }));
  try {
    return await Promise.race([flushed, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function isSdkTracerProvider(provider: TracerProvider): provider is SdkTracerProvider {
  const candidate = provider as Partial<SdkTracerProvider>;
  return typeof candidate.forceFlush === 'function' && typeof candidate.shutdown === 'function';
}
