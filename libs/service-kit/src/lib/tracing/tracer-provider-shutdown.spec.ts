import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { shutDownTracerProvider } from './tracer-provider-shutdown';

const silent: SpanExporter = { export: () => undefined, shutdown: async () => undefined };
const refusing: SpanExporter = { export: (_spans, done) => done({ code: 1, error: new Error('collector said 503') }), shutdown: async () => undefined };

function register(exporter: SpanExporter): void {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 60_000 })] }));
  trace.getTracer('spec').startSpan('held').end();
}

describe('shutDownTracerProvider', () => {
  afterEach(() => trace.disable());

  it('finds no provider when none is registered (tracing off): nothing to flush', async () => {
    await expect(shutDownTracerProvider()).resolves.toEqual({ kind: 'no-provider' });
  });

  it('gives up after timeoutMs on an exporter that never answers, and says so', async () => {
    register(silent);
    await expect(shutDownTracerProvider(50)).resolves.toEqual({ kind: 'timed-out', timeoutMs: 50 });
  });

  it('reports an exporter’s refusal instead of rejecting', async () => {
    register(refusing);
    await expect(shutDownTracerProvider(1_000)).resolves.toMatchObject({ kind: 'failed' });
  });
});
