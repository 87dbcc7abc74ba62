import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  halfJitterGenerator,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  type CircuitBreakerPolicy,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import { ProviderCallError } from '../errors/provider-call.error';
import type { ResolvedClientPolicy } from '../client.options';
import { AttemptTimeoutError, CircuitOpenError, DeadlineExceededError } from './policy-outcomes';

/** Statuses that say "try again": the provider or a proxy in front of it is briefly unable to answer. */
const RETRIABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Timeouts abort their inner work when time runs out, not also on every return (cockatiel's default): a settled
 * call has nothing left to abort, and each such abort builds a DOMException — measurable on every request.
 */
const ONLY_ON_TIMEOUT = { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false };

/** How one call goes through the policies. */
export interface PolicyRun {
  /** Whether every attempt may reach the provider (GET, or a request with an `Idempotency-Key`): only then retry. */
  retriable: boolean;
  /** Aborting it (the caller gave up) abandons the call; the promise then rejects and nobody listens any more. */
  signal: AbortSignal;
  /**
   * This call's deadline in milliseconds, when it is shorter than the configured `timeoutMs` (what is left of the
   * budget of the request being served); it is then the limit `DeadlineExceededError` names. Default `timeoutMs`.
   */
  timeoutMs?: number;
}

/**
 * A client's resilience policies, composed once, with cockatiel, and knowing nothing of the call they serve. From
 * the outside in:
 *
 * 1. **deadline** (`timeoutMs`, or the shorter `PolicyRun.timeoutMs` of one call): the whole call, retries and
 *    back-off included → `DeadlineExceededError`;
 * 2. **retry** (`maxRetries`, exponential back-off with half jitter), for retriable calls only, of an unreachable
 *    provider, a 502/503/504 or an attempt timeout — never a 4xx, a 500 or a bad body;
 * 3. **circuit breaker** (`consecutiveFailures`, `halfOpenAfterMs`), shared by all calls: while open every attempt
 *    fails fast with `CircuitOpenError`, which is not retried; after `halfOpenAfterMs` one probe goes through and
 *    closes or re-opens it;
 * 4. **attempt timeout** (`attemptTimeoutMs`) → `AttemptTimeoutError`, counted by the breaker and retried.
 *
 * An attempt must abandon its work when its signal aborts and fail with a `ProviderCallError`; any other error
 * passes through untouched.
 */
export class ClientPolicy {
  private readonly deadline: TimeoutPolicy;
  private readonly retry: RetryPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly attemptTimeout: TimeoutPolicy;
  private openedAt = 0;

  constructor(private readonly settings: ResolvedClientPolicy) {
    this.deadline = timeout(settings.timeoutMs, ONLY_ON_TIMEOUT);
    this.retry = retry(handleWhen(isRetriable), {
      maxAttempts: settings.maxRetries,
      backoff: new ExponentialBackoff({
        initialDelay: settings.initialDelayMs,
        maxDelay: settings.maxDelayMs,
        generator: halfJitterGenerator,
      }),
    }).dangerouslyUnref();
    this.breaker = circuitBreaker(handleWhen(isProviderFailure), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
    });
    this.breaker.onBreak(() => (this.openedAt = Date.now()));
    this.attemptTimeout = timeout(settings.attemptTimeoutMs, ONLY_ON_TIMEOUT);
  }

  /** Runs `attempt` under the policies; see the class for what it rejects with. */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>, { retriable, signal, timeoutMs }: PolicyRun): Promise<T> {
    const guarded = (retrySignal: AbortSignal) =>
      this.breaker.execute(({ signal: attemptSignal }) => this.attemptOnce(attempt, attemptSignal), retrySignal);
    const limitMs = Math.min(timeoutMs ?? this.settings.timeoutMs, this.settings.timeoutMs);
    // The configured deadline is built once; only a call with less time than that (a caller's budget) builds its own.
    const deadline = limitMs === this.settings.timeoutMs ? this.deadline : timeout(limitMs, ONLY_ON_TIMEOUT);
    return deadline
      .execute(
        ({ signal: callSignal }) =>
          retriable ? this.retry.execute(({ signal: retrySignal }) => guarded(retrySignal), callSignal) : guarded(callSignal),
        signal,
      )
      .catch((error: unknown) => {
        if (signal.aborted) throw error;
        if (error instanceof TaskCancelledError) throw new DeadlineExceededError(limitMs, { cause: error });
        if (error instanceof BrokenCircuitError) throw new CircuitOpenError(this.retryAfterMs(), { cause: error });
        throw error;
      });
  }

  private async attemptOnce<T>(attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    // The retry loop may wake from its back-off after the deadline passed: send nothing then.
    if (signal.aborted) throw new TaskCancelledError();
    try {
      return await this.attemptTimeout.execute(({ signal: attemptSignal }) => attempt(attemptSignal), signal);
    } catch (error) {
      if (error instanceof TaskCancelledError && !signal.aborted) {
        throw new AttemptTimeoutError(this.settings.attemptTimeoutMs, { cause: error });
      }
      throw error;
    }
  }

  private retryAfterMs(): number {
    return Math.max(1, this.openedAt + this.settings.halfOpenAfterMs - Date.now());
  }
}

function isRetriable(error: Error): boolean {
  if (error instanceof AttemptTimeoutError) return true;
  if (!(error instanceof ProviderCallError)) return false;
  if (error.kind === 'timeout') return true;
  return error.kind === 'unavailable' && (error.status === undefined || RETRIABLE_STATUSES.has(error.status));
}

/** What says the provider is unwell (as opposed to a caller's mistake or one bad body). */
function isProviderFailure(error: Error): boolean {
  if (error instanceof AttemptTimeoutError) return true;
  return error instanceof ProviderCallError && (error.kind === 'timeout' || error.kind === 'unavailable');
}
