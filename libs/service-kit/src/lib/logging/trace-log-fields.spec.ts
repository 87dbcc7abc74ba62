import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { createServiceLogger } from './service-logger';

describe('a service log line and the active trace', () => {
  let tracing: RecordingTracing;
  const lines: Record<string, unknown>[] = [];
  const logger = createServiceLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line)) } });

  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());
  beforeEach(() => (lines.length = 0));

  it('carries trace_id and span_id of the span active when it is written, across an await', async () => {
    const span = await tracing.inSpan('handle request', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info({ reqId: 'req-1' }, 'inside');
    });
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-1', msg: 'inside', trace_id: span.traceId, span_id: span.spanId })]);
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('carries neither outside a span (and without the SDK there never is one)', () => {
    logger.info('outside');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[0]).not.toHaveProperty('span_id');
  });
});
