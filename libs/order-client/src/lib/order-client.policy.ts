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
import {
  OrderServiceCircuitOpenError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from './errors';
import type { ResolvedOrderClientPolicy } from './order-client.options';

/** Statuses that say "try again": the provider or a proxy in front of it is briefly unable to answer. */
const RETRIABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Timeouts abort their inner work when time runs out, not also on every return (cockatiel's default): a settled
 * call has nothing left to abort, and each such abort builds a DOMException — measurable on every request.
 */
const ONLY_ON_TIMEOUT = { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false };

/**
 * The client's resilience policies, composed in this one place with cockatiel. From the outside in:
 *
 * 1. **deadline** (`timeoutMs`): the whole call, retries and back-off included → `OrderServiceTimeoutError`;
 * 2. **retry** (`maxRetries`, exponential back-off with half jitter) of an unreachable provider, a 502/503/504 or
 *    an attempt timeout — never a 4xx, a 500 or an off-contract body;
 * 3. **circuit breaker** (`consecutiveFailures`, `halfOpenAfterMs`), shared by all calls: while open every
 *    attempt fails fast with `OrderServiceCircuitOpenError`, which is not retried; after `halfOpenAfterMs` one
 *    probe goes through (other calls wait for its outcome) and closes or re-opens the breaker;
 * 4. **attempt timeout** (`attemptTimeoutMs`) → `OrderServiceTimeoutError`, counted by the breaker and retried.
 *
 * Only idempotent calls may go through `executeIdempotent`: every attempt may reach the provider.
 */
export class OrderClientPolicy {
  private readonly deadline: TimeoutPolicy;
  private readonly retry: RetryPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly attemptTimeout: TimeoutPolicy;
  private openedAt = 0;

  constructor(private readonly settings: ResolvedOrderClientPolicy) {
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

  /**
   * Runs `attempt` under the policies. `attempt` must abandon its work when its signal aborts and fail with an
   * `OrderServiceError`. Aborting `signal` (the caller unsubscribed) abandons the call; the promise then rejects
   * with cockatiel's `TaskCancelledError`, which nobody is listening to any more.
   */
  executeIdempotent<T>(userId: string, attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    const once = (attemptSignal: AbortSignal) => this.attemptOnce(userId, attempt, attemptSignal);
    return this.deadline
      .execute(
        ({ signal: callSignal }) =>
          this.retry.execute(({ signal: retrySignal }) => this.breaker.execute(({ signal: s }) => once(s), retrySignal), callSignal),
        signal,
      )
      .catch((error: unknown) => {
        if (signal.aborted) throw error;
        if (error instanceof TaskCancelledError) {
          throw new OrderServiceTimeoutError(userId, this.settings.timeoutMs, { cause: error });
        }
        if (error instanceof BrokenCircuitError) {
          throw new OrderServiceCircuitOpenError(userId, this.retryAfterMs(), { cause: error });
        }
        throw error;
      });
  }

  private async attemptOnce<T>(userId: string, attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) {
    // The retry loop may wake from its back-off after the deadline passed: send nothing then.
    if (signal.aborted) throw new TaskCancelledError('call abandoned');
    try {
      return await this.attemptTimeout.execute(({ signal: attemptSignal }) => attempt(attemptSignal), signal);
    } catch (error) {
      if (error instanceof TaskCancelledError && !signal.aborted) {
        throw new OrderServiceTimeoutError(userId, this.settings.attemptTimeoutMs, { cause: error });
      }
      throw error;
    }
  }

  private retryAfterMs(): number {
    return Math.max(1, this.openedAt + this.settings.halfOpenAfterMs - Date.now());
  }
}

function isRetriable(error: Error): boolean {
  if (error instanceof OrderServiceCircuitOpenError) return false;
  if (error instanceof OrderServiceTimeoutError) return true;
  return error instanceof OrderServiceUnavailableError && (error.status === undefined || RETRIABLE_STATUSES.has(error.status));
}

/** What says the provider is unwell (as opposed to a caller's mistake or one bad body). */
function isProviderFailure(error: Error): boolean {
  return error instanceof OrderServiceTimeoutError || error instanceof OrderServiceUnavailableError;
}
