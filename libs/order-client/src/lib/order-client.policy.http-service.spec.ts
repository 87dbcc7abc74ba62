import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { axiosHttpError, axiosNetworkError, axiosResponse } from '@boundary/testing';
import { firstValueFrom, NEVER, Observable, of, throwError } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { OrderClientModule } from './order-client.module';
import type { OrderClientOptions } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

type Answer = () => Observable<unknown>;
const ok: Answer = () => of(axiosResponse(DEMO_ORDERS));
const status = (code: number): Answer => () => throwError(() => axiosHttpError(code));
const network = (code: string): Answer => () => throwError(() => axiosNetworkError(code));
const silence: Answer = () => NEVER;

/**
 * The real client over an `HttpService` double answering from a script, on Jest's fake clock: every delay
 * (back-off, attempt timeout, deadline, breaker) is advanced explicitly, nothing sleeps.
 */
async function clientAnswering(answers: Answer[], options: Partial<OrderClientOptions> = {}, random = 0.5) {
  let sent = 0;
  let unsubscribed = 0;
  const get = jest.fn(
    () =>
      new Observable<unknown>((subscriber) => {
        const answer = answers[Math.min(sent, answers.length - 1)];
        sent++;
        const inner = answer().subscribe(subscriber);
        return () => {
          unsubscribed++;
          inner.unsubscribe();
        };
      }),
  );
  const moduleRef = await Test.createTestingModule({
    imports: [OrderClientModule.forRoot({ baseUrl: 'http://orders.test', timeoutMs: 10_000, ...options })],
  })
    .overrideProvider(HttpService)
    .useValue({ get })
    .compile();
  const client = moduleRef.get(OrderServiceClient);
  // Half jitter draws a delay from [d/2, d); pinning Math.random() pins it (0.5 → exactly ¾·d). Pinned only
  // after compile: Nest draws its internal ids from Math.random().
  jest.spyOn(Math, 'random').mockReturnValue(random);
  /** Starts a call; the promise settles with the orders or the error, never rejects. */
  const call = (userId = 'user123') => firstValueFrom(client.getUserOrdersFirstPage(userId)).catch((error: unknown) => error);
  return { client, call, get, sent: () => sent, unsubscribed: () => unsubscribed };
}

describe('OrderClientPolicy (through OrderServiceClient, HttpService overridden, fake clock)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  describe('retry', () => {
    it('retries a 503 and a 502 with exponential, jittered back-off, then emits the orders', async () => {
      const { call, sent } = await clientAnswering([status(503), status(502), ok], {
        retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 10_000 },
      });
      const result = call();

      await jest.advanceTimersByTimeAsync(0);
      expect(sent()).toBe(1);
      await jest.advanceTimersByTimeAsync(74); // first delay: ¾ of 100 ms
      expect(sent()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(149); // second delay: ¾ of 200 ms
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(3);
      await expect(result).resolves.toEqual(DEMO_ORDERS);
    });

    it('draws each delay at random (jitter) within [½, 1) of the exponential step', async () => {
      const { call, sent } = await clientAnswering([status(503), ok], { retry: { initialDelayMs: 100 } }, 0);
      const result = call();
      await jest.advanceTimersByTimeAsync(49);
      expect(sent()).toBe(1);
      await jest.advanceTimersByTimeAsync(1); // ½ of 100 ms
      expect(sent()).toBe(2);
      await expect(result).resolves.toEqual(DEMO_ORDERS);
    });

    it('caps a delay at maxDelayMs', async () => {
      const { call, sent } = await clientAnswering([status(503), status(503), status(503), ok], {
        retry: { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 120 },
      });
      const result = call();
      await jest.advanceTimersByTimeAsync(75 + 90 + 89); // ¾·100, then ¾·min(200, 120) twice, less 1 ms
      expect(sent()).toBe(3);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(4);
      await expect(result).resolves.toEqual(DEMO_ORDERS);
    });

    it.each([
      ['502', status(502)],
      ['503', status(503)],
      ['504', status(504)],
      ['a refused connection', network('ECONNREFUSED')],
      ['a reset connection', network('ECONNRESET')],
    ])('gives up after maxRetries retries of %s with an unavailable OrderServiceError', async (_case, answer) => {
      const { call, sent } = await clientAnswering([answer], { retry: { maxRetries: 2 } });
      const result = call();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable' });
      expect(sent()).toBe(3);
    });

    it.each([
      ['400', status(400), 'rejected'],
      ['401', status(401), 'rejected'],
      ['403', status(403), 'rejected'],
      ['404', status(404), 'not-found'],
      ['500 (a bug, not a blip)', status(500), 'unavailable'],
      ['an off-contract body', () => of(axiosResponse([{ item: 'x' }])), 'bad-response'],
    ])('never retries %s', async (_case, answer, kind) => {
      const { call, sent } = await clientAnswering([answer, ok], { retry: { maxRetries: 5 } });
      const result = call();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind });
      expect(sent()).toBe(1);
    });

    it('sends one request only when retries are disabled (maxRetries: 0)', async () => {
      const { call, sent } = await clientAnswering([status(503), ok], { retry: { maxRetries: 0 } });
      const result = call();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable' });
      expect(sent()).toBe(1);
    });
  });

  describe('attempt timeout and deadline', () => {
    it('abandons an attempt after attemptTimeoutMs (unsubscribing it) and retries it', async () => {
      const { call, sent, unsubscribed } = await clientAnswering([silence, ok], {
        attemptTimeoutMs: 300,
        retry: { initialDelayMs: 100 },
      });
      const result = call();
      await jest.advanceTimersByTimeAsync(299);
      expect(unsubscribed()).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(unsubscribed()).toBe(1);
      await jest.advanceTimersByTimeAsync(75);
      expect(sent()).toBe(2);
      await expect(result).resolves.toEqual(DEMO_ORDERS);
    });

    it('fails as a timeout of timeoutMs at the deadline, retries included, and sends nothing after', async () => {
      const { call, sent, unsubscribed } = await clientAnswering([silence], {
        timeoutMs: 1_000,
        attemptTimeoutMs: 400,
        retry: { maxRetries: 10, initialDelayMs: 100 },
      });
      const result = call();
      await jest.advanceTimersByTimeAsync(999);
      expect(sent()).toBe(2); // 0–400 ms, then 475–875 ms, then waiting 150 ms of back-off
      await jest.advanceTimersByTimeAsync(1);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind: 'timeout', timeoutMs: 1_000 });
      expect(unsubscribed()).toBe(sent());
      await jest.advanceTimersByTimeAsync(10_000);
      expect(sent()).toBe(2);
    });

    it('fails as a timeout of the attempt’s timeout when the last attempt times out before the deadline', async () => {
      const { call } = await clientAnswering([silence], {
        timeoutMs: 10_000,
        attemptTimeoutMs: 200,
        retry: { maxRetries: 1, initialDelayMs: 100 },
      });
      const result = call();
      await jest.advanceTimersByTimeAsync(200 + 75 + 200);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind: 'timeout', timeoutMs: 200 });
    });

    it('aborts the attempt and every pending retry when the caller unsubscribes', async () => {
      const { client, sent, unsubscribed } = await clientAnswering([status(503)], {
        retry: { maxRetries: 5, initialDelayMs: 100 },
      });
      const subscription = client.getUserOrdersFirstPage('user123').subscribe({ error: () => undefined });
      await jest.advanceTimersByTimeAsync(10); // first attempt failed, waiting 75 ms of back-off
      subscription.unsubscribe();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(sent()).toBe(1);
      expect(unsubscribed()).toBe(1);
    });
  });

  describe('circuit breaker', () => {
    const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 5_000 };
    const noRetry = { maxRetries: 0 };

    async function openBreaker(answers: Answer[]) {
      const harness = await clientAnswering(answers, { retry: noRetry, circuitBreaker: breaker });
      for (let i = 0; i < 3; i++) await harness.call();
      return harness;
    }

    it('fails fast as circuit-open after N consecutive failures, sending nothing', async () => {
      const { call, sent } = await openBreaker([status(503)]);
      expect(sent()).toBe(3);

      await jest.advanceTimersByTimeAsync(1_000);
      const error = await call();

      expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'circuit-open', code: 'ORDER_SERVICE_CIRCUIT_OPEN' });
      expect(error).toMatchObject({ retryAfterMs: 4_000, resource: { params: { userId: 'user123' } } });
      expect(sent()).toBe(3);
    });

    it('counts timeouts and unreachable providers as failures too', async () => {
      const { call, sent } = await clientAnswering([network('ECONNREFUSED'), status(500), silence], {
        retry: noRetry,
        circuitBreaker: breaker,
        attemptTimeoutMs: 100,
      });
      await call();
      await call();
      const third = call();
      await jest.advanceTimersByTimeAsync(100);
      expect(await third).toMatchObject({ constructor: OrderServiceError, kind: 'timeout' });
      expect(await call()).toMatchObject({ constructor: OrderServiceError, kind: 'circuit-open' });
      expect(sent()).toBe(3);
    });

    it('does not count a 404 or an off-contract body, and a success resets the count', async () => {
      const { call, sent } = await clientAnswering(
        [status(503), status(503), status(404), () => of(axiosResponse({})), ok, status(503), status(503), ok],
        { retry: noRetry, circuitBreaker: breaker },
      );
      for (let i = 0; i < 7; i++) await call();
      expect(await call()).toEqual(DEMO_ORDERS);
      expect(sent()).toBe(8);
    });

    it('lets one probe through after halfOpenAfterMs and closes again when it succeeds', async () => {
      const { call, sent } = await openBreaker([status(503), status(503), status(503), ok]);
      await jest.advanceTimersByTimeAsync(5_000);

      expect(await call()).toEqual(DEMO_ORDERS);
      expect(await call()).toEqual(DEMO_ORDERS);
      expect(sent()).toBe(5);
    });

    it('holds other calls while the probe is in flight, sending only the probe, and fails them fast if it fails', async () => {
      const { call, sent } = await clientAnswering([status(503), status(503), status(503), silence], {
        retry: noRetry,
        circuitBreaker: breaker,
        attemptTimeoutMs: 100,
      });
      for (let i = 0; i < 3; i++) await call();
      await jest.advanceTimersByTimeAsync(5_000);
      const probe = call();
      const held = call();
      await jest.advanceTimersByTimeAsync(99);
      expect(sent()).toBe(4);
      await jest.advanceTimersByTimeAsync(1);
      expect(await probe).toMatchObject({ constructor: OrderServiceError, kind: 'timeout' });
      expect(await held).toMatchObject({ constructor: OrderServiceError, kind: 'circuit-open' });
      expect(sent()).toBe(4);
    });

    it('re-opens for another halfOpenAfterMs when the probe fails', async () => {
      const { call, sent } = await openBreaker([status(503)]);
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await call()).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', status: 503 });
      const open = await call();
      expect(open).toMatchObject({ constructor: OrderServiceError, kind: 'circuit-open', retryAfterMs: 5_000 });
      expect((open as Error).message).toMatch(/^Order Service circuit open: failing fast for 5000 ms for .*\(userId ".+"\)$/);
      expect(sent()).toBe(4);
    });

    it('is not retried by the retry policy (an open breaker is not a blip)', async () => {
      const { call, sent } = await clientAnswering([status(503)], {
        retry: { maxRetries: 10, initialDelayMs: 10, maxDelayMs: 10 },
        circuitBreaker: breaker,
      });
      const result = call();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await result).toMatchObject({ constructor: OrderServiceError, kind: 'circuit-open' });
      expect(sent()).toBe(3);
    });
  });
});
