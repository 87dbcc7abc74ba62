import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { trace } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { TRACE_FLUSH_TIMEOUT_MS } from './tracer-provider-shutdown';
import { TracingShutdownModule } from './tracing-shutdown.module';

/** An exporter that keeps what it was given (past its shutdown, unlike the SDK's in-memory one), or never answers. */
function exporter({ answers }: { answers: boolean }): SpanExporter & { exported: ReadableSpan[] } {
  const exported: ReadableSpan[] = [];
  return {
    exported,
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      if (!answers) return;
      exported.push(...spans);
      done({ code: ExportResultCode.SUCCESS });
    },
    shutdown: async () => undefined,
  };
}

/** A tracer provider registered globally, as tracing.js registers the SDK's: its batches go out every minute. */
function registerBatchingProvider(to: SpanExporter): BasicTracerProvider {
  const provider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(to, { scheduledDelayMillis: 60_000, exportTimeoutMillis: 60_000 })],
  });
  trace.setGlobalTracerProvider(provider);
  return provider;
}

async function startApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [TracingShutdownModule] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
  await app.init();
  return app;
}

describe('TracingShutdownModule: a service’s stop flushes its last spans', () => {
  afterEach(() => trace.disable());

  it('hands the spans still batched to the exporter when the app closes, and shuts the provider down', async () => {
    const to = exporter({ answers: true });
    registerBatchingProvider(to);
    const app = await startApp();
    trace.getTracer('spec').startSpan('last request').end();
    expect(to.exported).toEqual([]);

    await app.close();
    expect(to.exported.map((span) => span.name)).toEqual(['last request']);
    trace.getTracer('spec').startSpan('after shutdown').end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(to.exported.map((span) => span.name)).toEqual(['last request']);
  });

  it(`lets close() resolve within ${TRACE_FLUSH_TIMEOUT_MS} ms when the exporter never answers`, async () => {
    registerBatchingProvider(exporter({ answers: false }));
    const app = await startApp();
    trace.getTracer('spec').startSpan('unsent').end();

    const started = Date.now();
    await app.close();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TRACE_FLUSH_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TRACE_FLUSH_TIMEOUT_MS + 1_000);
  });

  it('does nothing, at once, without a tracer provider (tracing off)', async () => {
    const app = await startApp();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(200);
  });
});
