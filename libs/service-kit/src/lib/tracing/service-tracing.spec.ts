import { propagation, trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { serviceInstrumentations, startServiceTracing } from './service-tracing';
import { shutDownTracerProvider } from './tracer-provider-shutdown';
import { TRACING_OFF_BY_DEFAULT } from './tracing-defaults';

const VARIABLES = [...Object.keys(TRACING_OFF_BY_DEFAULT), 'OTEL_SERVICE_NAME'];

describe('startServiceTracing', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  let sdk: NodeSDK | undefined;

  afterEach(async () => {
    await sdk?.shutdown();
    sdk = undefined;
    // The SDK's shutdown leaves its provider registered: the next test starts from none.
    trace.disable();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('turns every exporter off when no variable names one (the SDK would send OTLP to localhost), yet sets W3C propagation', () => {
    for (const name of VARIABLES) delete process.env[name];
    process.env['OTEL_LOGS_EXPORTER'] = ' ';
    sdk = startServiceTracing('spec-service');
    expect(process.env).toMatchObject({ OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' });
    expect(propagation.fields()).toEqual(expect.arrayContaining(['traceparent', 'tracestate']));
  });

  it('keeps an exporter a variable names', () => {
    process.env['OTEL_TRACES_EXPORTER'] = 'console';
    sdk = startServiceTracing('spec-service');
    expect(process.env['OTEL_TRACES_EXPORTER']).toBe('console');
    // A recording tracer: the SDK registered a tracer provider for the console exporter. (The span is not ended, so
    // nothing is printed.)
    expect(trace.getTracer('spec').startSpan('recorded').isRecording()).toBe(true);
  });

  it('registers no tracer provider with traces off, so a service’s stop has nothing to flush', async () => {
    for (const name of VARIABLES) delete process.env[name];
    sdk = startServiceTracing('spec-service');
    await expect(shutDownTracerProvider()).resolves.toEqual({ kind: 'no-provider' });
  });

  it('registers the SDK’s tracer provider where a service’s stop finds it through the API, and flushes it', async () => {
    process.env['OTEL_TRACES_EXPORTER'] = 'console';
    sdk = startServiceTracing('spec-service');
    await expect(shutDownTracerProvider()).resolves.toEqual({ kind: 'flushed' });
  });
});

describe('serviceInstrumentations', () => {
  const names = (env: NodeJS.ProcessEnv) => serviceInstrumentations(env).map((instrumentation) => (instrumentation as { instrumentationName: string }).instrumentationName);

  it('with no traces exporter, loads only amqplib’s, which carries the context over messages (the Fastify adapter carries it into requests)', () => {
    for (const exporter of [undefined, '', 'none', ' none , ']) {
      expect(names({ OTEL_TRACES_EXPORTER: exporter })).toEqual(['@opentelemetry/instrumentation-amqplib']);
    }
  });

  it('with an exporter, adds pg’s queries, and neither node:http’s nor Nest’s (the services make their HTTP spans)', () => {
    for (const exporter of ['otlp', 'console', 'otlp,none']) {
      expect(names({ OTEL_TRACES_EXPORTER: exporter })).toEqual(['@opentelemetry/instrumentation-amqplib', '@opentelemetry/instrumentation-pg']);
    }
  });

  it('with an exporter, pg’s makes no span for a query outside a trace nor for taking a pooled connection', () => {
    const pg = serviceInstrumentations({ OTEL_TRACES_EXPORTER: 'otlp' }).find(
      (instrumentation) => (instrumentation as { instrumentationName: string }).instrumentationName === '@opentelemetry/instrumentation-pg',
    ) as unknown as { getConfig(): Record<string, unknown> };
    expect(pg.getConfig()).toMatchObject({ requireParentSpan: true, ignoreConnectSpans: true });
  });
});
