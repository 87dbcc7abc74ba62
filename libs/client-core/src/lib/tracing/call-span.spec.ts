import type { HttpService } from '@nestjs/axios';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
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
    return clientWith({}, ...answers);
  }

  /** `clientAnswering` with `timeouts` for the client's own. */
  function clientWith(timeouts: { timeoutMs?: number; attemptTimeoutMs?: number }, ...answers: (() => Observable<AxiosResponse>)[]) {
    const sent: Record<string, string>[] = [];
    const get = (_url: string, config: AxiosRequestConfig) => {
      sent.push({ ...(config.headers as Record<string, string>) });
      return answers[Math.min(sent.length - 1, answers.length - 1)]();
    };
    const client = new ProviderClient(
      { get } as unknown as HttpService,
      { baseUrl: 'http://provider.test', timeoutMs: 5000, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 }, ...timeouts },
      TestProviderError,
      'TestClient',
    );
    const getItem = () => firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'a/1' }, schema: ItemSchema }));
    return { sent, getItem };
  }

  /** Runs `work` inside a span of the caller's, as a request handler would be; returns that span's ids. */
  const asCaller = (work: () => Promise<unknown>) => tracing.inSpan('handle request', () => work().catch(() => undefined));

  const clientCoreSpans = () => tracing.finishedSpans().filter((span) => span.instrumentationScope.name === '@boundary/client-core');
  const callSpans = () => clientCoreSpans().filter((span) => span.kind === SpanKind.INTERNAL);
  const attemptSpans = () => clientCoreSpans().filter((span) => span.kind === SpanKind.CLIENT);

  it('is one span named by the route template, child of the caller’s span, with its attempt a client span under it whose trace context the request carries', async () => {
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
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.spanContext().traceId).toBe(caller.traceId);
    expect(call.parentSpanContext?.spanId).toBe(caller.spanId);

    const [attempt] = attemptSpans();
    expect(attemptSpans()).toHaveLength(1);
    expect(attempt.name).toBe('GET /items/{itemId}');
    // The template only: the expanded path (`/items/a%2F1`) would put an identifier in every span.
    expect(attempt.attributes).toEqual({ 'http.request.method': 'GET', 'url.template': '/items/{itemId}', 'http.response.status_code': 200 });
    expect(attempt.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(sent[0]['traceparent']).toBe(`00-${caller.traceId}-${attempt.spanContext().spanId}-01`);
  });

  it('shows a retried call as two attempt spans under its one call span, each attempt sending its own context', async () => {
    const { sent, getItem } = clientAnswering(
      () => throwError(() => axiosHttpError(503)),
      () => of(axiosResponse({ id: 'a/1' })),
    );
    await asCaller(getItem);

    const [call] = callSpans();
    expect(callSpans()).toHaveLength(1);
    expect(call.attributes).toMatchObject({ 'boundary.attempts': 2, 'boundary.outcome': 'ok' });
    const attempts = attemptSpans();
    expect(attempts.map((attempt) => [attempt.parentSpanContext?.spanId, attempt.attributes['http.response.status_code'], attempt.status.code])).toEqual([
      [call.spanContext().spanId, 503, SpanStatusCode.ERROR],
      [call.spanContext().spanId, 200, SpanStatusCode.UNSET],
    ]);
    expect(attempts.map((attempt) => [attempt.attributes['error.type'], attempt.attributes['http.request.resend_count']])).toEqual([
      ['503', undefined],
      [undefined, 1],
    ]);
    expect(sent.map((headers) => headers['traceparent'])).toEqual(
      attempts.map((attempt) => `00-${call.spanContext().traceId}-${attempt.spanContext().spanId}-01`),
    );
  });

  it('marks a failed call as an error naming the failure’s kind and the provider’s status, and its attempt as failed with the status', async () => {
    const { getItem } = clientAnswering(() => throwError(() => axiosHttpError(404, { code: 'ITEM_NOT_FOUND' })));
    await asCaller(getItem);

    const [call] = callSpans();
    expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not-found' });
    expect(call.attributes).toMatchObject({ 'boundary.outcome': 'not-found', 'http.response.status_code': 404, 'boundary.attempts': 1 });
    expect(attemptSpans().map((attempt) => [attempt.status, attempt.attributes['error.type']])).toEqual([[{ code: SpanStatusCode.ERROR, message: 'not-found' }, '404']]);
  });

  it('marks an attempt that got no answer by its failure’s kind, and one its attempt timeout abandoned as abandoned', async () => {
    const { getItem } = clientAnswering(() => throwError(() => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', isAxiosError: true })));
    await asCaller(getItem);
    expect(attemptSpans().map((attempt) => attempt.attributes['error.type'])).toEqual(['unavailable', 'unavailable']);

    tracing.reset();
    const { getItem: getSlowItem } = clientWith({ timeoutMs: 200, attemptTimeoutMs: 20 }, () => new Observable<AxiosResponse>(() => undefined));
    await asCaller(getSlowItem);
    expect(attemptSpans().map((attempt) => [attempt.attributes['error.type'], attempt.status.message])).toEqual([
      ['abandoned', 'abandoned'],
      ['abandoned', 'abandoned'],
    ]);
    expect(callSpans().map((call) => call.attributes['boundary.outcome'])).toEqual(['timeout']);
  });
});
