import type { HttpService } from '@nestjs/axios';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { SpanStatusCode } from '@opentelemetry/api';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { firstValueFrom, Observable, of, throwError } from 'rxjs';
import { z } from 'zod';
import { ProviderClient } from '../provider.client';
import { axiosHttpError, axiosResponse } from '../testing/axios-doubles';
import { TestProviderError } from '../testing/test-provider.error';

const ItemSchema = z.object({ id: z.string() });

describe('a client call under OpenTelemetry', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());
  beforeEach(() => tracing.reset());

  /** A client whose `HttpService` plays `answers` in turn and records the headers of each request. */
  function clientAnswering(...answers: (() => Observable<AxiosResponse>)[]) {
    const sent: Record<string, string>[] = [];
    const get = (_url: string, config: AxiosRequestConfig) => {
      sent.push({ ...(config.headers as Record<string, string>) });
      return answers[Math.min(sent.length - 1, answers.length - 1)]();
    };
    const client = new ProviderClient(
      { get } as unknown as HttpService,
      { baseUrl: 'http://provider.test', timeoutMs: 5000, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } },
      TestProviderError,
      'TestClient',
    );
    const getItem = () => firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'a/1' }, schema: ItemSchema }));
    return { sent, getItem };
  }

  /** Runs `work` inside a span of the caller's, as a request handler would be; returns that span's ids. */
  const asCaller = (work: () => Promise<unknown>) => tracing.inSpan('handle request', () => work().catch(() => undefined));

  const callSpans = () => tracing.finishedSpans().filter((span) => span.instrumentationScope.name === '@boundary/client-core');

  it('is one span named by the route template, child of the caller’s span, whose trace context each request carries', async () => {
    const { sent, getItem } = clientAnswering(() => of(axiosResponse({ id: 'a/1' })));
    const caller = await asCaller(getItem);

    const [call] = callSpans();
    expect(call.name).toBe('GET /items/{itemId}');
    expect(call.attributes).toMatchObject({
      'url.template': '/items/{itemId}',
      'http.request.method': 'GET',
      'boundary.client': 'TestClient',
      'boundary.attempts': 1,
      'boundary.outcome': 'ok',
      'http.response.status_code': 200,
    });
    expect(call.spanContext().traceId).toBe(caller.traceId);
    expect(call.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(sent[0]['traceparent']).toBe(`00-${caller.traceId}-${call.spanContext().spanId}-01`);
  });

  it('counts a retried call’s attempts on its one span, each attempt sending the call’s context', async () => {
    const { sent, getItem } = clientAnswering(
      () => throwError(() => axiosHttpError(503)),
      () => of(axiosResponse({ id: 'a/1' })),
    );
    await asCaller(getItem);

    const [call] = callSpans();
    expect(callSpans()).toHaveLength(1);
    expect(call.attributes).toMatchObject({ 'boundary.attempts': 2, 'boundary.outcome': 'ok' });
    expect(sent.map((headers) => headers['traceparent'])).toEqual([
      `00-${call.spanContext().traceId}-${call.spanContext().spanId}-01`,
      `00-${call.spanContext().traceId}-${call.spanContext().spanId}-01`,
    ]);
  });

  it('marks a failed call as an error naming the failure’s kind and the provider’s status', async () => {
    const { getItem } = clientAnswering(() => throwError(() => axiosHttpError(404, { code: 'ITEM_NOT_FOUND' })));
    await asCaller(getItem);

    const [call] = callSpans();
    expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not-found' });
    expect(call.attributes).toMatchObject({ 'boundary.outcome': 'not-found', 'http.response.status_code': 404, 'boundary.attempts': 1 });
  });
});
