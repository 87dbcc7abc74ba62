import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { context, trace } from '@opentelemetry/api';
import { nameServerSpan } from './server-span-route';

describe('nameServerSpan', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  beforeEach(() => tracing.reset());
  afterAll(() => tracing.stop());

  it('names the active server span by method and route template, and records the template as http.route', async () => {
    await tracing.inSpan('GET', () => nameServerSpan('GET', '/users/:userId/orders'));
    expect(tracing.finishedSpans().map((span) => ({ name: span.name, route: span.attributes['http.route'] }))).toEqual([
      { name: 'GET /users/:userId/orders', route: '/users/:userId/orders' },
    ]);
  });

  it('leaves the span as it is when no route matched (a 404)', async () => {
    await tracing.inSpan('GET', () => nameServerSpan('GET', undefined));
    expect(tracing.finishedSpans().map((span) => [span.name, span.attributes['http.route']])).toEqual([['GET', undefined]]);
  });

  it('does nothing without a recording span (tracing off, or no HTTP instrumentation)', () => {
    expect(() => nameServerSpan('GET', '/users/:userId/orders')).not.toThrow();
    const nonRecording = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 });
    const updateName = jest.spyOn(nonRecording, 'updateName');
    context.with(trace.setSpan(context.active(), nonRecording), () => nameServerSpan('GET', '/users/:userId/orders'));
    expect(updateName).not.toHaveBeenCalled();
    expect(tracing.finishedSpans()).toEqual([]);
  });
});
