import type { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { firstValueFrom, NEVER, Observable, of, throwError } from 'rxjs';
import { z } from 'zod';
import type { ClientOptions } from './client.options';
import { ProviderClient } from './provider.client';
import { axiosHttpError, axiosNetworkError, axiosResponse } from './testing/axios-doubles';
import { TestProviderError } from './testing/test-provider.error';

const ItemSchema = z.object({ id: z.string() });

type Answer = () => Observable<AxiosResponse>;

/**
 * A client over an `HttpService` double whose every method records its arguments and plays `answers` in turn (the
 * last one repeats), counting the answers it stopped listening to.
 */
function clientAnswering(answers: Answer[], options: Partial<ClientOptions> = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  let unsubscribed = 0;
  const method = (name: string) =>
    jest.fn(
      (...args: unknown[]) =>
        new Observable<AxiosResponse>((subscriber) => {
          const answer = answers[Math.min(calls.length, answers.length - 1)];
          calls.push({ method: name, args });
          const inner = answer().subscribe(subscriber);
          return () => {
            unsubscribed++;
            inner.unsubscribe();
          };
        }),
    );
  const http = Object.fromEntries(['get', 'head', 'delete', 'post', 'put', 'patch'].map((name) => [name, method(name)]));
  const client = new ProviderClient(
    http as unknown as HttpService,
    { baseUrl: 'http://provider.test/', timeoutMs: 5000, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 }, ...options },
    TestProviderError,
    'TestClient',
  );
  /** Calls `GET /items`; the promise settles with the answer or the error, never rejects. */
  const getItems = () => firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema })).catch((error: unknown) => error);
  return { client, calls, getItems, unsubscribed: () => unsubscribed };
}

/** The fields a failure's kind carries besides the resource and the cause, e.g. `{ status: 404 }`. */
const detailsOf = (failure: object) =>
  Object.fromEntries(Object.entries(failure).filter(([name]) => ['status', 'providerCode', 'timeoutMs', 'retryAfterMs', 'reason'].includes(name)));

/** The headers one request to the `HttpService` double carried. */
const headersOf = (call: { args: unknown[] }) => (call.args.at(-1) as { headers: Record<string, string> }).headers;

const ok: Answer = () => of(axiosResponse({ id: 'a' }));
const answers = (data: unknown, status = 200): Answer => () => of(axiosResponse(data, status));
const fails = (error: Error): Answer => () => throwError(() => error);
const unavailable: Answer = fails(axiosHttpError(503));
const noRetry = { retry: { maxRetries: 0 } };

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
    const { client } = clientAnswering([() => of(axiosResponse('{"id":"a","extra":1}', 201, new AxiosHeaders({ Location: '/items/a' })))]);
    const answer = await firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }));
    expect(answer).toMatchObject({ status: 201, data: { id: 'a' } });
    expect(answer.headers['location']).toBe('/items/a');
  });

  it.each(['.', '..'])('refuses the parameter %j of any name as rejected (400) without sending anything', async (value) => {
    const { client, calls } = clientAnswering([ok]);
    await expect(
      firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: value }, schema: ItemSchema })),
    ).rejects.toMatchObject({
      constructor: TestProviderError,
      kind: 'rejected',
      status: 400,
      cause: 'dot-segment item id',
    });
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

  it('fails the Observable (it does not throw) for a parameter with a lone surrogate, which has no URL encoding', async () => {
    const { client, calls } = clientAnswering([ok]);
    const call$ = client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'a\ud800' }, schema: ItemSchema });
    await expect(firstValueFrom(call$)).rejects.toMatchObject({ kind: 'rejected', status: 400, cause: 'malformed item id' });
    expect(calls).toEqual([]);
  });

  it('gives every error the resource called: method, path template and parameters', async () => {
    const { client } = clientAnswering([() => throwError(() => axiosHttpError(404))]);
    const failure = await firstValueFrom(
      client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'i 1' }, schema: ItemSchema }),
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      constructor: TestProviderError,
      kind: 'not-found',
      resource: { method: 'GET', path: '/items/{itemId}', params: { itemId: 'i 1' } },
      message: 'Test Provider answered 404 for GET /items/{itemId} (itemId "i 1")',
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
    ['GET', 'get'],
    ['DELETE', 'delete'],
    ['HEAD', 'head'],
  ] as const)('sends a %s without a body', async (method, name) => {
    const { client, calls } = clientAnswering([() => of(axiosResponse(''))]);
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

    it('never retries a POST without an Idempotency-Key (whatever other headers it has): a second attempt could act twice', async () => {
      const { client, calls } = clientAnswering([unavailable, ok]);
      await expect(
        firstValueFrom(client.call({ method: 'POST', path: '/items', body: {}, headers: { 'x-trace': 't1' }, schema: ItemSchema })),
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
    const { client } = clientAnswering([() => new Observable<AxiosResponse>((subscriber) => subscriber.complete())], noRetry);
    await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).rejects.toMatchObject({
      kind: 'unavailable',
      cause: 'no response',
    });
  });

  it('reports an HttpService that throws something other than an axios error as unavailable, keeping the cause', async () => {
    const odd = new TypeError('not an axios error');
    const { client } = clientAnswering([() => throwError(() => odd)], noRetry);
    await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).rejects.toMatchObject({
      kind: 'unavailable',
      cause: odd,
    });
  });

  it('ignores any number of trailing slashes of the base URL', async () => {
    const { client, calls } = clientAnswering([ok], { baseUrl: 'http://provider.test//' });
    await firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }));
    expect(calls[0].args[0]).toBe('http://provider.test/items');
  });

  it('names the resource without parameters when the template has none', async () => {
    const { getItems } = clientAnswering([fails(axiosHttpError(404))]);
    expect(await getItems()).toMatchObject({
      resource: { method: 'GET', path: '/items', params: {} },
      message: 'Test Provider answered 404 for GET /items',
    });
  });

  describe('headers', () => {
    it('asks for JSON and sends the caller’s headers, and no token or request id when none is configured', async () => {
      const { client, calls } = clientAnswering([ok]);
      await firstValueFrom(client.call({ method: 'GET', path: '/items', headers: { 'x-trace': 't1' }, schema: ItemSchema }));
      expect(headersOf(calls[0])).toStrictEqual({ Accept: 'application/json', 'x-trace': 't1', 'x-deadline-ms': expect.stringMatching(/^\d+$/) });
    });

    it('sends the service token as a bearer token and the request id, asking for it once per call', async () => {
      const requestId = jest.fn(() => 'req-1');
      const { getItems, calls } = clientAnswering([unavailable, ok], { token: 's3cret', requestId });
      await getItems();
      const deadline = expect.stringMatching(/^\d+$/);
      expect(calls.map(headersOf)).toEqual([
        { Accept: 'application/json', Authorization: 'Bearer s3cret', 'x-request-id': 'req-1', 'x-deadline-ms': deadline },
        { Accept: 'application/json', Authorization: 'Bearer s3cret', 'x-request-id': 'req-1', 'x-deadline-ms': deadline },
      ]);
      expect(requestId).toHaveBeenCalledTimes(1);
    });

    it('tells the provider, per attempt, how long it will be waited for: the attempt timeout, then what is left of the deadline', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
      try {
        const { client, calls } = clientAnswering([unavailable, unavailable, ok], {
          timeoutMs: 1_000,
          attemptTimeoutMs: 400,
          retry: { maxRetries: 2, initialDelayMs: 350, maxDelayMs: 350 },
        });
        const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);
        const call = firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }));
        await jest.advanceTimersByTimeAsync(1_000);
        await call.catch(() => undefined);
        random.mockRestore();
        const budgets = calls.map((c) => Number(headersOf(c)['x-deadline-ms']));
        expect(budgets[0]).toBe(400);
        // Each later attempt starts after a back-off of ~350 ms: what is left of the 1,000 ms shrinks below 400.
        expect(budgets.length).toBe(3);
        expect(budgets[2]).toBeLessThan(400);
        expect(budgets[2]).toBeGreaterThanOrEqual(0);
      } finally {
        jest.useRealTimers();
      }
    });

    it('caps the response body at maxResponseBytes and the request body at maxRequestBytes', async () => {
      const { getItems, calls } = clientAnswering([ok], { maxResponseBytes: 2048, maxRequestBytes: 512 });
      await getItems();
      expect(calls[0].args[1]).toMatchObject({ maxContentLength: 2048, maxBodyLength: 512 });
    });

    it('caps the request body at 1 MiB by default, not at the response cap', async () => {
      const { getItems, calls } = clientAnswering([ok], { maxResponseBytes: 2048 });
      await getItems();
      expect(calls[0].args[1]).toMatchObject({ maxContentLength: 2048, maxBodyLength: 1_048_576 });
    });

    it('retries only a request whose Idempotency-Key is one of several headers', async () => {
      const { client, calls } = clientAnswering([unavailable, ok]);
      await firstValueFrom(
        client.call({ method: 'PUT', path: '/items', body: {}, headers: { 'x-trace': 't1', 'Idempotency-Key': 'k1' }, schema: ItemSchema }),
      );
      expect(calls).toHaveLength(2);
    });
  });

  describe('the answer', () => {
    it('is undefined to the schema when the body is empty', async () => {
      const { client } = clientAnswering([answers('', 204)]);
      await expect(firstValueFrom(client.call({ method: 'DELETE', path: '/items', schema: z.undefined() }))).resolves.toMatchObject({
        status: 204,
        data: undefined,
      });
    });

    it('keeps header values as strings, and absent ones as undefined', async () => {
      const headers = { 'Set-Cookie': ['a=1', 'b=2'], 'Content-Length': 12, 'X-Null': null, 'X-Undefined': undefined };
      const { getItems } = clientAnswering([() => of(axiosResponse({ id: 'a' }, 200, headers as unknown as AxiosResponse['headers']))]);
      expect(await getItems()).toMatchObject({
        headers: { 'set-cookie': 'a=1,b=2', 'content-length': '12', 'x-null': undefined, 'x-undefined': undefined },
      });
    });

    it('fails as a bad response when the body is not JSON, keeping the parse error', async () => {
      const { getItems } = clientAnswering([answers('{"id":')]);
      expect(await getItems()).toMatchObject({ kind: 'bad-response', reason: 'body is not valid JSON', cause: expect.any(SyntaxError) });
    });

    it('fails as a bad response naming the field the schema rejects, keeping the schema’s error', async () => {
      const { client } = clientAnswering([answers([{ id: 'a' }, { id: 7 }])]);
      const failure = await firstValueFrom(client.call({ method: 'GET', path: '/items', schema: z.array(ItemSchema) })).catch(
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ kind: 'bad-response', reason: expect.stringMatching(/^1\.id: ./), cause: expect.any(z.ZodError) });
    });

    it('fails as a bad response about the body when the whole body is off-schema', async () => {
      const { getItems } = clientAnswering([answers('"just text"')]);
      expect(await getItems()).toMatchObject({ kind: 'bad-response', reason: expect.stringMatching(/^body: ./) });
    });
  });

  describe('failures', () => {
    it.each([
      ['404', axiosHttpError(404), { kind: 'not-found', status: 404 }],
      ['400', axiosHttpError(400), { kind: 'rejected', status: 400 }],
      ['499', axiosHttpError(499), { kind: 'rejected', status: 499 }],
      ['500', axiosHttpError(500), { kind: 'unavailable', status: 500 }],
      ['503', axiosHttpError(503), { kind: 'unavailable', status: 503 }],
      ['a refused connection', axiosNetworkError('ECONNREFUSED'), { kind: 'unavailable' }],
      ['axios’ own timeout (ECONNABORTED)', axiosNetworkError(AxiosError.ECONNABORTED), { kind: 'timeout', timeoutMs: 5000 }],
      ['a socket timeout (ETIMEDOUT)', axiosNetworkError(AxiosError.ETIMEDOUT), { kind: 'timeout', timeoutMs: 5000 }],
    ])('maps %s to its kind, keeping the axios error as the cause and carrying nothing else', async (_case, error, expected) => {
      const { getItems } = clientAnswering([fails(error)], noRetry);
      const failure = (await getItems()) as TestProviderError;
      expect(failure).toMatchObject({ ...expected, cause: error });
      expect(detailsOf(failure)).toEqual(detailsOf(expected));
    });

    it.each([
      ['404', 404, 'not-found'],
      ['409', 409, 'rejected'],
      ['503', 503, 'unavailable'],
    ])('reads the code of a %s’s error body once, as providerCode', async (_case, status, kind) => {
      const { getItems } = clientAnswering([fails(axiosHttpError(status, { error: 'refused', code: 'OUT_OF_STOCK' }))], noRetry);
      expect(await getItems()).toMatchObject({ kind, status, providerCode: 'OUT_OF_STOCK' });
    });

    it.each([
      ['a body without a code', { error: 'refused' }],
      ['a body that is not an error body', { code: 'OUT_OF_STOCK' }],
      ['a text body', 'Conflict'],
    ])('has no providerCode for %s', async (_case, body) => {
      const { getItems } = clientAnswering([fails(axiosHttpError(409, body))], noRetry);
      const failure = await getItems();
      expect(failure).toMatchObject({ kind: 'rejected', status: 409 });
      expect(failure).not.toHaveProperty('providerCode');
    });

    it('maps a 2xx whose body broke off to unavailable', async () => {
      const broken = new AxiosError('aborted', 'ECONNRESET');
      broken.response = axiosResponse('', 200);
      const { getItems } = clientAnswering([fails(broken)], noRetry);
      const failure = await getItems();
      expect(failure).toMatchObject({ kind: 'unavailable' });
      expect(failure).not.toHaveProperty('status');
    });

    it('maps a response body over maxResponseBytes to a bad response', async () => {
      const tooLarge = new AxiosError('maxContentLength size of 2048 exceeded', AxiosError.ERR_BAD_RESPONSE);
      const { getItems } = clientAnswering([fails(tooLarge)], { maxResponseBytes: 2048, ...noRetry });
      expect(await getItems()).toMatchObject({ kind: 'bad-response', reason: 'body larger than 2048 bytes', cause: tooLarge });
    });

    it('reads only an axios error as an HTTP answer: any other error is unavailable, whatever fields it has', async () => {
      const odd = Object.assign(new Error('not from axios'), { code: AxiosError.ETIMEDOUT, response: { status: 404 } });
      const { getItems } = clientAnswering([fails(odd)], noRetry);
      const failure = await getItems();
      expect(failure).toMatchObject({ kind: 'unavailable', cause: odd });
      expect(failure).not.toHaveProperty('status');
    });

    it('maps any other ERR_BAD_RESPONSE without a status to unavailable', async () => {
      const { getItems } = clientAnswering([fails(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE))], noRetry);
      expect(await getItems()).toMatchObject({ kind: 'unavailable' });
    });

    describe('when the request body is over maxRequestBytes (axios refuses to send it)', () => {
      const tooLarge = () => new AxiosError('Request body larger than maxBodyLength limit', AxiosError.ERR_BAD_REQUEST);
      const postItem = (client: ProviderClient) =>
        firstValueFrom(
          client.call({ method: 'POST', path: '/items', body: { id: 'x'.repeat(100) }, headers: { 'Idempotency-Key': 'k1' }, schema: ItemSchema }),
        ).catch((error: unknown) => error);

      it('fails as rejected 413, keeping the axios error, and never retries it although the call is retriable', async () => {
        const error = tooLarge();
        const { client, calls } = clientAnswering([fails(error), ok], { maxRequestBytes: 10 });
        const failure = await postItem(client);
        expect(failure).toMatchObject({ kind: 'rejected', status: 413, cause: error });
        expect(detailsOf(failure as object)).toEqual({ status: 413 });
        expect(calls).toHaveLength(1);
      });

      it('does not count against the circuit breaker: the provider is not at fault', async () => {
        const { client, calls } = clientAnswering([fails(tooLarge()), ok], { circuitBreaker: { consecutiveFailures: 1 } });
        await postItem(client);
        await expect(firstValueFrom(client.call({ method: 'GET', path: '/items', schema: ItemSchema }))).resolves.toMatchObject({ status: 200 });
        expect(calls).toHaveLength(2);
      });
    });

    it('maps a request that failed with ERR_BAD_REQUEST for another reason, without an answer, to unavailable', async () => {
      const { getItems } = clientAnswering([fails(new AxiosError('Unsupported protocol xyz:', AxiosError.ERR_BAD_REQUEST))], noRetry);
      expect(await getItems()).toMatchObject({ kind: 'unavailable' });
    });

    it('logs a failed call once, at debug level, under the client’s name', async () => {
      const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
      const { getItems } = clientAnswering([fails(axiosHttpError(404))]);
      await getItems();
      expect(debug).toHaveBeenCalledTimes(1);
      expect(debug).toHaveBeenCalledWith('GET http://provider.test/items failed: Test Provider answered 404 for GET /items');
      expect(debug.mock.contexts[0]).toMatchObject({ context: 'TestClient' });
      debug.mockRestore();
    });
  });

  describe('on the clock (fake timers)', () => {
    beforeEach(() => {
      jest.useFakeTimers();
    });
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('fails as a timeout of timeoutMs when the deadline passes', async () => {
      const { getItems } = clientAnswering([() => NEVER], { timeoutMs: 1_000 });
      const result = getItems();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await result).toMatchObject({ kind: 'timeout', timeoutMs: 1_000, cause: expect.objectContaining({ name: 'DeadlineExceededError' }) });
    });

    it('fails as a timeout of attemptTimeoutMs when the last attempt times out', async () => {
      const { getItems } = clientAnswering([() => NEVER], { timeoutMs: 1_000, attemptTimeoutMs: 100, ...noRetry });
      const result = getItems();
      await jest.advanceTimersByTimeAsync(100);
      expect(await result).toMatchObject({ kind: 'timeout', timeoutMs: 100, cause: expect.objectContaining({ name: 'AttemptTimeoutError' }) });
    });

    it('fails as circuit-open, saying when to try again, once the breaker opened', async () => {
      const { getItems, calls } = clientAnswering([unavailable], { ...noRetry, circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 3_000 } });
      await getItems();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await getItems()).toMatchObject({ kind: 'circuit-open', retryAfterMs: 2_000 });
      expect(calls).toHaveLength(1);
    });

    it('stops listening to the attempt in flight, and sends no retry, when the caller unsubscribes', async () => {
      const { client, calls, unsubscribed } = clientAnswering([() => NEVER]);
      const subscription = client.call({ method: 'GET', path: '/items', schema: ItemSchema }).subscribe({ error: () => undefined });
      await jest.advanceTimersByTimeAsync(10);
      subscription.unsubscribe();
      expect(unsubscribed()).toBe(1);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(calls).toHaveLength(1);
    });

    describe('serving a request that came with a budget (deadlineAt)', () => {
      it('sends at most what is left of the budget, and gives up when it is spent, as a timeout of that budget', async () => {
        const { getItems, calls } = clientAnswering([() => NEVER], { timeoutMs: 5_000, attemptTimeoutMs: 1_000, deadlineAt: () => Date.now() + 300 });
        const result = getItems();
        await jest.advanceTimersByTimeAsync(299);
        expect(calls.map((c) => headersOf(c)['x-deadline-ms'])).toEqual(['300']);
        await jest.advanceTimersByTimeAsync(1);
        expect(await result).toMatchObject({ kind: 'timeout', timeoutMs: 300, cause: expect.objectContaining({ name: 'DeadlineExceededError' }) });
        expect(calls).toHaveLength(1);
      });

      it('tells each retry what is left of the budget, not of its own timeout', async () => {
        const { getItems, calls } = clientAnswering([unavailable, unavailable, ok], {
          timeoutMs: 5_000,
          retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 100 },
          deadlineAt: () => Date.now() + 1_000,
        });
        jest.spyOn(Math, 'random').mockReturnValue(0.999);
        const result = getItems();
        await jest.advanceTimersByTimeAsync(1_000);
        expect(await result).toMatchObject({ data: { id: 'a' } });
        const budgets = calls.map((c) => Number(headersOf(c)['x-deadline-ms']));
        expect(budgets[0]).toBe(1_000);
        // Each retry waits a back-off of about 100 ms first: what is left shrinks by as much each time.
        expect(budgets[1]).toBeGreaterThanOrEqual(890);
        expect(budgets[1]).toBeLessThanOrEqual(910);
        expect(budgets[2]).toBeGreaterThanOrEqual(budgets[1] - 110);
        expect(budgets[2]).toBeLessThanOrEqual(budgets[1] - 90);
      });

      it('keeps its own deadline and attempt timeout when the budget is longer', async () => {
        const { getItems, calls } = clientAnswering([() => NEVER], {
          timeoutMs: 1_000,
          attemptTimeoutMs: 400,
          ...noRetry,
          deadlineAt: () => Date.now() + 60_000,
        });
        const result = getItems();
        await jest.advanceTimersByTimeAsync(400);
        expect(headersOf(calls[0])['x-deadline-ms']).toBe('400');
        expect(await result).toMatchObject({ kind: 'timeout', timeoutMs: 400, cause: expect.objectContaining({ name: 'AttemptTimeoutError' }) });
      });

      it('reads the budget once per call, when the call is made', async () => {
        const deadlineAt = jest.fn(() => Date.now() + 1_000);
        const { client, calls } = clientAnswering([unavailable, ok], { deadlineAt });
        const call = client.call({ method: 'GET', path: '/items', schema: ItemSchema });
        expect(deadlineAt).toHaveBeenCalledTimes(1);
        const result = firstValueFrom(call);
        await jest.advanceTimersByTimeAsync(100);
        await result;
        expect(calls).toHaveLength(2);
        expect(deadlineAt).toHaveBeenCalledTimes(1);
      });

      it.each([
        ['spent exactly now', 0],
        ['spent 50 ms ago', -50],
      ])('sends nothing when the budget is %s, failing at once as a timeout of 0 ms', async (_case, left) => {
        const { getItems, calls } = clientAnswering([ok], { deadlineAt: () => Date.now() + left });
        const failure = await getItems();
        expect(failure).toMatchObject({ kind: 'timeout', timeoutMs: 0, cause: expect.objectContaining({ name: 'DeadlineExceededError' }) });
        expect(detailsOf(failure as object)).toEqual({ timeoutMs: 0 });
        expect(calls).toHaveLength(0);
      });

      it('does not count a spent budget against the circuit breaker: nothing was asked of the provider', async () => {
        let left = 0;
        const { getItems, calls } = clientAnswering([ok], { circuitBreaker: { consecutiveFailures: 1 }, deadlineAt: () => Date.now() + left });
        expect(await getItems()).toMatchObject({ kind: 'timeout' });
        left = 1_000;
        expect(await getItems()).toMatchObject({ data: { id: 'a' } });
        expect(calls).toHaveLength(1);
      });

      it('behaves as without a budget when deadlineAt answers undefined (a request that came without one)', async () => {
        const { getItems, calls } = clientAnswering([() => NEVER], { timeoutMs: 1_000, attemptTimeoutMs: 400, deadlineAt: () => undefined, ...noRetry });
        const result = getItems();
        await jest.advanceTimersByTimeAsync(400);
        expect(headersOf(calls[0])['x-deadline-ms']).toBe('400');
        expect(await result).toMatchObject({ kind: 'timeout', timeoutMs: 400 });
      });
    });

    it('does not log a call the caller abandoned as failed', async () => {
      const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
      const { client } = clientAnswering([() => NEVER]);
      const subscription = client.call({ method: 'GET', path: '/items', schema: ItemSchema }).subscribe({ error: () => undefined });
      await jest.advanceTimersByTimeAsync(10);
      subscription.unsubscribe();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(debug).not.toHaveBeenCalled();
    });
  });
});
