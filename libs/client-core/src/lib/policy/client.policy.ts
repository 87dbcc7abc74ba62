import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  halfJitterGenerator,
  handleWhen,
  retry,
  TaskCancelledError,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import { ProviderCallError } from '../errors/provider-call.error';
import type { ResolvedClientPolicy } from '../client.options';
import { AttemptTimeoutError, CircuitOpenError, DeadlineExceededError } from './policy-outcomes';
import { withinTimeLimit } from './time-limit';

/** Statuses that say "try again": the provider or a proxy in front of it is briefly unable to answer. */
const RETRIABLE_STATUSES = new Set([502, 503, 504]);

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
 * A client's resilience policies, composed once, and knowing nothing of the call they serve: cockatiel's retry and
 * breaker, and the two time limits as `withinTimeLimit` (cheaper than cockatiel's timeout policy, with its
 * behaviour: the limit aborts the inner work's signal, not a settled call's). From the outside in:
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
  private readonly retry: RetryPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(private readonly settings: ResolvedClientPolicy) {
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
  }

  /** Runs `attempt` under the policies; see the class for what it rejects with. */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>, { retriable, signal, timeoutMs }: PolicyRun): Promise<T> {
    const guarded = (retrySignal: AbortSignal) =>
      this.breaker.execute(({ signal: attemptSignal }) => this.attemptOnce(attempt, attemptSignal), retrySignal);
    const limitMs = Math.min(timeoutMs ?? this.settings.timeoutMs, this.settings.timeoutMs);
    return withinTimeLimit(limitMs, signal, (callSignal) =>
      retriable ? this.retry.execute(({ signal: retrySignal }) => guarded(retrySignal), callSignal) : guarded(callSignal),
    ).catch((error: unknown) => {
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
      return await withinTimeLimit(this.settings.attemptTimeoutMs, signal, attempt);
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
