import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { resolveClientPolicy, type ClientOptions } from '../client.options';
import { providerError } from '../testing/test-provider.error';
import { ClientPolicy } from './client.policy';
import { AttemptTimeoutError, CircuitOpenError, DeadlineExceededError } from './policy-outcomes';

/** What one attempt does: settle with a value or an error, or never settle (ignoring its signal). */
type Step = { value: string } | { error: Error } | 'silence';
const ok: Step = { value: 'ok' };
const fails = (error: Error): Step => ({ error });
const unavailable = (status?: number): Step => fails(providerError({ kind: 'unavailable', status }));
const silence: Step = 'silence';

/**
 * A policy whose attempts play `steps` in turn (the last one repeats), on Jest's fake clock: every delay is advanced
 * explicitly. Records each attempt's signal.
 */
function policyPlaying(steps: Step[], options: Partial<ClientOptions> = {}, random = 0.5) {
  const policy = new ClientPolicy(resolveClientPolicy({ baseUrl: 'http://provider.test', timeoutMs: 10_000, ...options }));
  const signals: AbortSignal[] = [];
  const attempt = (signal: AbortSignal): Promise<string> => {
    const step = steps[Math.min(signals.length, steps.length - 1)];
    signals.push(signal);
    if (step === 'silence') return new Promise<string>(() => undefined);
    return 'value' in step ? Promise.resolve(step.value) : Promise.reject(step.error);
  };
  // Half jitter draws a delay from [d/2, d); 0.5 pins it to exactly ¾·d.
  jest.spyOn(Math, 'random').mockReturnValue(random);
  /** Starts a call; the promise settles with the value or the error, never rejects. */
  const run = (retriable = true, caller = new AbortController(), timeoutMs?: number) =>
    policy.execute(attempt, { retriable, signal: caller.signal, timeoutMs }).catch((error: unknown) => error);
  return { run, sent: () => signals.length, signals };
}

describe('ClientPolicy (fake clock)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('resolves with the attempt’s value, leaving its signal unaborted once it returned', async () => {
    const { run, signals } = policyPlaying([ok]);
    await expect(run()).resolves.toBe('ok');
    await jest.advanceTimersByTimeAsync(20_000);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
  });

  describe('retry', () => {
    it.each([502, 503, 504, undefined])('retries a retriable call that failed unavailable (status %s)', async (status) => {
      const { run, sent } = policyPlaying([unavailable(status), ok]);
      const result = run();
      await jest.advanceTimersByTimeAsync(1_000);
      await expect(result).resolves.toBe('ok');
      expect(sent()).toBe(2);
    });

    it('retries a provider timeout and an attempt timeout', async () => {
      const { run, sent } = policyPlaying([fails(providerError({ kind: 'timeout', timeoutMs: 100 })), fails(new AttemptTimeoutError(5)), ok]);
      const result = run();
      await jest.advanceTimersByTimeAsync(1_000);
      await expect(result).resolves.toBe('ok');
      expect(sent()).toBe(3);
    });

    it.each([
      ['a 500 (a bug, not a blip)', providerError({ kind: 'unavailable', status: 500 })],
      ['a 404', providerError({ kind: 'not-found', status: 404 })],
      ['a rejection', providerError({ kind: 'rejected', status: 400 })],
      ['a bad body', providerError({ kind: 'bad-response', reason: 'body: Required' })],
      ['an error that is not a provider failure', new TypeError('a bug in the attempt')],
    ])('never retries %s, and rejects with it untouched', async (_case, error) => {
      const { run, sent } = policyPlaying([fails(error), ok]);
      const result = run();
      await jest.advanceTimersByTimeAsync(1_000);
      await expect(result).resolves.toBe(error);
      expect(sent()).toBe(1);
    });

    it('never retries a call that is not retriable', async () => {
      const { run, sent } = policyPlaying([unavailable(503), ok]);
      const result = run(false);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await result).toMatchObject({ kind: 'unavailable' });
      expect(sent()).toBe(1);
    });

    it('waits an exponential, jittered back-off before each retry', async () => {
      const { run, sent } = policyPlaying([unavailable(503), unavailable(503), ok], {
        retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 10_000 },
      });
      const result = run();
      await jest.advanceTimersByTimeAsync(74); // ¾ of 100 ms
      expect(sent()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(149); // ¾ of 200 ms
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe('ok');
    });

    it('caps each delay at maxDelayMs', async () => {
      const { run, sent } = policyPlaying([unavailable(503), unavailable(503), ok], {
        retry: { initialDelayMs: 100, maxDelayMs: 120 },
      });
      const result = run();
      await jest.advanceTimersByTimeAsync(75 + 89); // ¾·100, then ¾·min(200, 120) less 1 ms
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe('ok');
    });

    it('defaults to two retries after 50 ms and 100 ms (¾ of each, jittered)', async () => {
      const { run, sent } = policyPlaying([unavailable(503)]);
      const result = run();
      await jest.advanceTimersByTimeAsync(36); // ¾ of 50 ms, rounded down: 37 ms
      expect(sent()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(74); // ¾ of 100 ms
      expect(sent()).toBe(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent()).toBe(3);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(await result).toMatchObject({ kind: 'unavailable' });
      expect(sent()).toBe(3);
    });

    it('gives up after maxRetries retries with the last failure', async () => {
      const last = providerError({ kind: 'unavailable', status: 504 });
      const { run, sent } = policyPlaying([unavailable(503), unavailable(502), fails(last)], { retry: { maxRetries: 2 } });
      const result = run();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await result).toBe(last);
      expect(sent()).toBe(3);
    });
  });

  describe('attempt timeout and deadline', () => {
    it('abandons an attempt after attemptTimeoutMs, aborting its signal, and retries it', async () => {
      const { run, sent, signals } = policyPlaying([silence, ok], { attemptTimeoutMs: 300, retry: { initialDelayMs: 100 } });
      const result = run();
      await jest.advanceTimersByTimeAsync(299);
      expect(signals[0].aborted).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(signals[0].aborted).toBe(true);
      await jest.advanceTimersByTimeAsync(75);
      expect(sent()).toBe(2);
      await expect(result).resolves.toBe('ok');
    });

    it('fails with AttemptTimeoutError(attemptTimeoutMs) when the last attempt times out before the deadline', async () => {
      const { run } = policyPlaying([silence], { attemptTimeoutMs: 200, retry: { maxRetries: 1, initialDelayMs: 100 } });
      const result = run();
      await jest.advanceTimersByTimeAsync(200 + 75 + 200);
      const error = await result;
      expect(error).toBeInstanceOf(AttemptTimeoutError);
      expect(error).toMatchObject({ timeoutMs: 200, cause: expect.any(TaskCancelledError) });
    });

    it('fails with DeadlineExceededError(timeoutMs) at the deadline, retries included, and sends nothing after', async () => {
      const { run, sent, signals } = policyPlaying([silence], {
        timeoutMs: 1_000,
        attemptTimeoutMs: 400,
        retry: { maxRetries: 10, initialDelayMs: 100 },
      });
      const result = run();
      await jest.advanceTimersByTimeAsync(999);
      expect(sent()).toBe(2); // 0–400 ms, then 475–875 ms, then waiting 150 ms of back-off
      await jest.advanceTimersByTimeAsync(1);
      const error = await result;
      expect(error).toBeInstanceOf(DeadlineExceededError);
      expect(error).toMatchObject({ timeoutMs: 1_000, cause: expect.any(TaskCancelledError) });
      expect(signals.every((signal) => signal.aborted)).toBe(true);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(sent()).toBe(2);
    });

    it('caps the attempt timeout at the deadline', async () => {
      const { run } = policyPlaying([silence], { timeoutMs: 500, attemptTimeoutMs: 5_000 });
      const result = run();
      await jest.advanceTimersByTimeAsync(500);
      expect(await result).toBeInstanceOf(DeadlineExceededError);
    });

    it('takes a shorter deadline for one call (what is left of a budget), naming it, and keeps its own for the next', async () => {
      const { run, sent, signals } = policyPlaying([silence], { timeoutMs: 1_000, attemptTimeoutMs: 800 });
      const short = run(true, new AbortController(), 300);
      await jest.advanceTimersByTimeAsync(299);
      expect(signals[0].aborted).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      const error = await short;
      expect(error).toBeInstanceOf(DeadlineExceededError);
      expect(error).toMatchObject({ timeoutMs: 300 });
      expect(signals[0].aborted).toBe(true);
      expect(sent()).toBe(1);

      const next = run();
      await jest.advanceTimersByTimeAsync(999);
      expect(signals[1].aborted).toBe(true); // its attempt timed out at 800 ms
      await jest.advanceTimersByTimeAsync(1);
      expect(await next).toMatchObject({ name: 'DeadlineExceededError', timeoutMs: 1_000 });
    });

    it('never takes a longer deadline than timeoutMs for one call', async () => {
      const { run } = policyPlaying([silence], { timeoutMs: 500, retry: { maxRetries: 0 } });
      const result = run(true, new AbortController(), 5_000);
      await jest.advanceTimersByTimeAsync(500);
      expect(await result).toMatchObject({ name: 'DeadlineExceededError', timeoutMs: 500 });
    });

    it('abandons an attempt that ignores its signal when time runs out (it does not wait for it)', async () => {
      const { run } = policyPlaying([silence], { timeoutMs: 100, retry: { maxRetries: 0 } });
      const result = run();
      await jest.advanceTimersByTimeAsync(100);
      expect(await result).toBeInstanceOf(DeadlineExceededError);
    });
  });

  describe('when the caller aborts', () => {
    it('aborts the attempt in flight and rejects with the cancellation, not as a deadline', async () => {
      const caller = new AbortController();
      const { run, signals } = policyPlaying([silence]);
      const result = run(true, caller);
      await jest.advanceTimersByTimeAsync(10);
      caller.abort();
      const error = await result;
      expect(error).toBeInstanceOf(TaskCancelledError);
      expect(signals[0].aborted).toBe(true);
    });

    it('sends no retry after an abort during back-off', async () => {
      const caller = new AbortController();
      const { run, sent } = policyPlaying([unavailable(503)], { retry: { maxRetries: 5, initialDelayMs: 100 } });
      const result = run(true, caller);
      await jest.advanceTimersByTimeAsync(10);
      caller.abort();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(await result).toBeInstanceOf(TaskCancelledError);
      expect(sent()).toBe(1);
    });

    it('does not count the abandoned attempt against the breaker', async () => {
      const caller = new AbortController();
      const { run, sent } = policyPlaying([silence, ok], { circuitBreaker: { consecutiveFailures: 1 } });
      const abandoned = run(true, caller);
      await jest.advanceTimersByTimeAsync(10);
      caller.abort();
      await abandoned;
      await expect(run()).resolves.toBe('ok');
      expect(sent()).toBe(2);
    });
  });

  describe('circuit breaker', () => {
    const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 5_000 };
    const noRetry = { maxRetries: 0 };

    async function openBreaker(steps: Step[]) {
      const harness = policyPlaying(steps, { retry: noRetry, circuitBreaker: breaker });
      for (let i = 0; i < 3; i++) await harness.run();
      return harness;
    }

    it('fails fast with CircuitOpenError after N consecutive failures, running no attempt, not before', async () => {
      const { run, sent } = policyPlaying([unavailable(503)], { retry: noRetry, circuitBreaker: breaker });
      await run();
      await run();
      expect(await run()).toMatchObject({ kind: 'unavailable' });
      expect(sent()).toBe(3);
      await jest.advanceTimersByTimeAsync(1_000);
      const error = await run();
      expect(error).toBeInstanceOf(CircuitOpenError);
      expect(error).toMatchObject({ retryAfterMs: 4_000, cause: expect.any(BrokenCircuitError) });
      expect(sent()).toBe(3);
    });

    it('opens after five consecutive failures by default', async () => {
      const { run, sent } = policyPlaying([unavailable(503)], { retry: noRetry });
      for (let i = 0; i < 4; i++) await run();
      expect(await run()).toMatchObject({ kind: 'unavailable' });
      expect(await run()).toBeInstanceOf(CircuitOpenError);
      expect(sent()).toBe(5);
    });

    it('stays open for 10 s by default', async () => {
      const { run, sent } = policyPlaying([unavailable(503), unavailable(503), unavailable(503), unavailable(503), unavailable(503), ok], {
        retry: noRetry,
      });
      for (let i = 0; i < 5; i++) await run();
      await jest.advanceTimersByTimeAsync(9_999);
      expect(await run()).toMatchObject({ retryAfterMs: 1 });
      await jest.advanceTimersByTimeAsync(1);
      await expect(run()).resolves.toBe('ok');
      expect(sent()).toBe(6);
    });

    it.each([
      ['a provider timeout', providerError({ kind: 'timeout', timeoutMs: 100 })],
      ['an attempt timeout', new AttemptTimeoutError(100)],
      ['an unreachable provider', providerError({ kind: 'unavailable' })],
      ['a 500', providerError({ kind: 'unavailable', status: 500 })],
    ])('counts %s as a failure', async (_case, error) => {
      const { run } = await openBreaker([fails(error)]);
      expect(await run()).toBeInstanceOf(CircuitOpenError);
    });

    it.each([
      ['a 404', providerError({ kind: 'not-found', status: 404 })],
      ['a rejection', providerError({ kind: 'rejected', status: 400 })],
      ['a bad body', providerError({ kind: 'bad-response', reason: 'body: Required' })],
      ['an error that is not a provider failure', new TypeError('a bug in the attempt')],
    ])('does not count %s', async (_case, error) => {
      const { run, sent } = await openBreaker([fails(error)]);
      expect(await run()).toBe(error);
      expect(sent()).toBe(4);
    });

    it('is reset by a success', async () => {
      const { run, sent } = policyPlaying([unavailable(503), unavailable(503), ok, unavailable(503), unavailable(503), ok], {
        retry: noRetry,
        circuitBreaker: breaker,
      });
      for (let i = 0; i < 5; i++) await run();
      await expect(run()).resolves.toBe('ok');
      expect(sent()).toBe(6);
    });

    it('lets one probe through after halfOpenAfterMs and closes again when it succeeds', async () => {
      const { run, sent } = await openBreaker([unavailable(503), unavailable(503), unavailable(503), ok]);
      await jest.advanceTimersByTimeAsync(4_999);
      expect(await run()).toMatchObject({ retryAfterMs: 1 });
      await jest.advanceTimersByTimeAsync(1);
      await expect(run()).resolves.toBe('ok');
      await expect(run()).resolves.toBe('ok');
      expect(sent()).toBe(5);
    });

    it('holds the calls made while the probe is in flight, and fails them fast when it fails', async () => {
      const { run, sent } = policyPlaying([unavailable(503), unavailable(503), unavailable(503), silence], {
        retry: noRetry,
        circuitBreaker: breaker,
        attemptTimeoutMs: 100,
      });
      for (let i = 0; i < 3; i++) await run();
      await jest.advanceTimersByTimeAsync(6_000);
      const probe = run();
      const held = run();
      await jest.advanceTimersByTimeAsync(99);
      expect(sent()).toBe(4);
      await jest.advanceTimersByTimeAsync(1);
      expect(await probe).toBeInstanceOf(AttemptTimeoutError);
      expect(await held).toMatchObject({ constructor: CircuitOpenError, retryAfterMs: 5_000 });
      expect(sent()).toBe(4);
    });

    it('re-opens for another halfOpenAfterMs when the probe fails', async () => {
      const { run, sent } = await openBreaker([unavailable(503)]);
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await run()).toMatchObject({ kind: 'unavailable', status: 503 });
      expect(await run()).toMatchObject({ constructor: CircuitOpenError, retryAfterMs: 5_000 });
      expect(sent()).toBe(4);
    });

    it('is not retried by the retry policy (an open breaker is not a blip)', async () => {
      const { run, sent } = policyPlaying([unavailable(503)], {
        retry: { maxRetries: 10, initialDelayMs: 10, maxDelayMs: 10 },
        circuitBreaker: breaker,
      });
      const result = run();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await result).toBeInstanceOf(CircuitOpenError);
      expect(sent()).toBe(3);
    });
  });
});
