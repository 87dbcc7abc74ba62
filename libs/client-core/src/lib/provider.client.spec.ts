import type { HttpService } from '@nestjs/axios';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { firstValueFrom, Observable, of, throwError } from 'rxjs';
import { z } from 'zod';
import { describeResource } from './called-resource';
import type { ClientErrors, FailureContext } from './errors/client-errors';
import { ProviderCallError, type ProviderFailureKind } from './errors/provider-call.error';
import { ProviderClient } from './provider.client';

/** The one error class of a test client: its kind, and what the core told the factory. */
class TestProviderError extends ProviderCallError {
  readonly code: string;
  constructor(
    readonly kind: ProviderFailureKind,
    context: FailureContext,
    readonly detail?: number | string,
  ) {
    super(`${kind} ${describeResource(context.resource)}`, context);
    this.code = kind.toUpperCase();
  }
  get status(): number | undefined {
    return typeof this.detail === 'number' && this.kind !== 'timeout' && this.kind !== 'circuit-open' ? this.detail : undefined;
  }
}

const ERRORS: ClientErrors = {
  notFound: (c) => new TestProviderError('not-found', c),
  unavailable: (c, status) => new TestProviderError('unavailable', c, status),
  timeout: (c, ms) => new TestProviderError('timeout', c, ms),
  badResponse: (c, reason) => new TestProviderError('bad-response', c, reason),
  rejected: (c, status) => new TestProviderError('rejected', c, status),
  circuitOpen: (c, ms) => new TestProviderError('circuit-open', c, ms),
};

const ItemSchema = z.object({ id: z.string() });

function response(data: unknown, status = 200, headers: Record<string, string> = {}): AxiosResponse {
  return { data, status, statusText: '', headers: new AxiosHeaders(headers), config: { headers: new AxiosHeaders() } };
}

function httpError(status: number): AxiosError {
  const error = new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_RESPONSE);
  error.response = response('', status);
  return error;
}

type Answer = () => Observable<AxiosResponse>;

/** A client over an `HttpService` double whose every method records its arguments and plays `answers` in turn. */
function clientAnswering(answers: Answer[], options: { maxRetries?: number } = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const method = (name: string) =>
    jest.fn((...args: unknown[]) => {
      const answer = answers[Math.min(calls.length, answers.length - 1)];
      calls.push({ method: name, args });
      return answer();
    });
  const http = Object.fromEntries(['get', 'head', 'delete', 'post', 'put', 'patch'].map((name) => [name, method(name)]));
  const client = new ProviderClient(
    http as unknown as HttpService,
    { baseUrl: 'http://provider.test/', timeoutMs: 5000, retry: { maxRetries: options.maxRetries ?? 2, initialDelayMs: 1, maxDelayMs: 1 } },
    ERRORS,
  );
  return { client, calls };
}

const ok: Answer = () => of(response({ id: 'a' }));
const unavailable: Answer = () => throwError(() => httpError(503));

describe('ProviderClient — the one call path', () => {
  it('fills the path template with each parameter encoded as one segment, and leaves out undefined query values', async () => {
    const { client, calls } = clientAnswering([ok]);
    await firstValueFrom(
      client.call({
        method: 'GET',
        path: '/shelves/{shelfId}/items/{itemId}',
        params: { shelfId: 'a/b', itemId: 'x?y#z' },
        query: { limit: 5, cursor: undefined, fresh: true },
        schema: ItemSchema,
      }),
    );
    expect(calls[0].args[0]).toBe('http://provider.test/shelves/a%2Fb/items/x%3Fy%23z?limit=5&fresh=true');
  });

  it('emits the parsed body, the status and the headers with lower-case names', async () => {
    const { client } = clientAnswering([() => of(response('{"id":"a","extra":1}', 201, { Location: '/items/a' }))]);
    const answer = await firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }));
    expect(answer).toMatchObject({ status: 201, data: { id: 'a' } });
    expect(answer.headers['location']).toBe('/items/a');
  });

  it.each(['.', '..'])('refuses the parameter %j of any name as rejected (400) without sending anything', async (value) => {
    const { client, calls } = clientAnswering([ok]);
    await expect(
      firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: value }, schema: ItemSchema })),
    ).rejects.toMatchObject({ kind: 'rejected', detail: 400, cause: 'dot-segment item id' });
    expect(calls).toEqual([]);
  });

  it('refuses a call that leaves a template parameter unfilled, naming it', async () => {
    const { client, calls } = clientAnswering([ok]);
    await expect(firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', schema: ItemSchema }))).rejects.toMatchObject({
      kind: 'rejected',
      cause: 'missing item id',
    });
    expect(calls).toEqual([]);
  });

  it('gives every error the resource called: method, path template and parameters', async () => {
    const { client } = clientAnswering([() => throwError(() => httpError(404))]);
    const failure = await firstValueFrom(
      client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'i 1' }, schema: ItemSchema }),
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      kind: 'not-found',
      resource: { method: 'GET', path: '/items/{itemId}', params: { itemId: 'i 1' } },
      message: 'not-found GET /items/{itemId} (itemId "i 1")',
    });
  });

  it.each([
    ['POST', 'post'],
    ['PUT', 'put'],
    ['PATCH', 'patch'],
  ] as const)('sends a %s with its body as the HttpService method’s data', async (method, name) => {
    const { client, calls } = clientAnswering([ok]);
    await firstValueFrom(client.call({ method, path: '/items', body: { id: 'a' }, schema: ItemSchema }));
    expect(calls[0]).toMatchObject({ method: name, args: ['http://provider.test/items', { id: 'a' }, expect.any(Object)] });
  });

  it.each([
    ['DELETE', 'delete'],
    ['HEAD', 'head'],
  ] as const)('sends a %s without a body', async (method, name) => {
    const { client, calls } = clientAnswering([() => of(response(''))]);
    await firstValueFrom(client.call({ method, path: '/items', schema: z.unknown() }));
    expect(calls[0]).toMatchObject({ method: name, args: ['http://provider.test/items', expect.any(Object)] });
  });

  describe('retries', () => {
    it('retries a GET after a 503', async () => {
      const { client, calls } = clientAnswering([unavailable, ok]);
      await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).resolves.toMatchObject({
        data: { id: 'a' },
      });
      expect(calls).toHaveLength(2);
    });

    it('never retries a POST without an Idempotency-Key: a second attempt could act twice', async () => {
      const { client, calls } = clientAnswering([unavailable, ok]);
      await expect(
        firstValueFrom(client.call({ method: 'POST', path: '/items', body: {}, schema: ItemSchema })),
      ).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
      expect(calls).toHaveLength(1);
    });

    it('retries a POST that carries an Idempotency-Key (any case), sending the key each time', async () => {
      const { client, calls } = clientAnswering([unavailable, ok]);
      await firstValueFrom(
        client.call({ method: 'POST', path: '/items', body: {}, headers: { 'idempotency-key': 'k1' }, schema: ItemSchema }),
      );
      expect(calls).toHaveLength(2);
      expect(calls.map(({ args }) => (args[2] as { headers: Record<string, string> }).headers['idempotency-key'])).toEqual(['k1', 'k1']);
    });
  });

  it('reports an HttpService that completes without answering as unavailable', async () => {
    const { client } = clientAnswering([() => new Observable<AxiosResponse>((subscriber) => subscriber.complete())], { maxRetries: 0 });
    await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).rejects.toMatchObject({
      kind: 'unavailable',
      cause: 'no response',
    });
  });

  it('reports an HttpService that throws something other than an axios error as unavailable, keeping the cause', async () => {
    const odd = new TypeError('not an axios error');
    const { client } = clientAnswering([() => throwError(() => odd)], { maxRetries: 0 });
    await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).rejects.toMatchObject({
      kind: 'unavailable',
      cause: odd,
    });
  });
});
