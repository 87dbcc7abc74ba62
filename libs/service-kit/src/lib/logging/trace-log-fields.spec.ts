import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { createServiceLogger } from './service-logger';

describe('a service log line and the active trace', () => {
  const contextManager = new AsyncLocalStorageContextManager();
  const tracer = new BasicTracerProvider().getTracer('trace-log-fields.spec');
  const lines: Record<string, unknown>[] = [];
  const logger = createServiceLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line)) } });

  beforeAll(() => context.setGlobalContextManager(contextManager.enable()));
  afterAll(() => {
    context.disable();
    contextManager.disable();
  });
  beforeEach(() => (lines.length = 0));

  it('carries trace_id and span_id of the span active when it is written, across an await', async () => {
    const span = tracer.startSpan('handle request');
    await context.with(trace.setSpan(context.active(), span), async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info({ reqId: 'req-1' }, 'inside');
    });
    span.end();
    expect(lines).toEqual([
      expect.objectContaining({ reqId: 'req-1', msg: 'inside', trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId }),
    ]);
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('carries neither outside a span (and without the SDK there never is one)', () => {
    logger.info('outside');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[0]).not.toHaveProperty('span_id');
  });
});
