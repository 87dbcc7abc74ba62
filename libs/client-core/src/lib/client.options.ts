/**
 * How a client built on the core reaches its provider. Only `baseUrl` and `timeoutMs` are required; every other
 * setting has its default in `CLIENT_POLICY_DEFAULTS`, the one place defaults live.
 */
export interface ClientOptions {
  /** Base URL of the provider, e.g. `http://localhost:5001` (a trailing slash is ignored). */
  baseUrl: string;
  /** Deadline of one call, retries and back-off included, in milliseconds; after it the call fails with a timeout. */
  timeoutMs: number;
  /** How long one attempt may take before it is abandoned (and retried), in milliseconds. Default: `timeoutMs`. */
  attemptTimeoutMs?: number;
  /** Retries of idempotent calls (GET, or a request carrying an `Idempotency-Key`). */
  retry?: ClientRetryOptions;
  /** The circuit breaker shared by every call of one client. */
  circuitBreaker?: ClientCircuitBreakerOptions;
  /** Largest response body accepted, in bytes; a larger one fails as a bad response. Default 1 MiB. */
  maxResponseBytes?: number;
  /**
   * Largest request body sent, in bytes (as JSON); a larger one is not sent and fails as `rejected` with status 413,
   * never retried and not counted by the circuit breaker. Default 1 MiB.
   */
  maxRequestBytes?: number;
  /** Shared service token, sent as `Authorization: Bearer <token>`. Never logged. */
  token?: string;
  /**
   * Returns the id of the request being served, if any; it is sent as `x-request-id` so the services' logs can be
   * joined. Called once per call, in the caller's context.
   */
  requestId?: () => string | undefined;
  /**
   * Returns when the caller of the request being served stops waiting for it, as `Date.now()` time, if it gave a
   * budget (`x-deadline-ms`; service-kit's `currentDeadlineAt`). Each call then gets at most what is left of it: its
   * deadline, and so every attempt and the `x-deadline-ms` each sends, is `min(timeoutMs, what is left)`; a call made
   * with nothing left sends nothing and fails as a `timeout` of `0` ms. Called once per call, in the caller's context.
   */
  deadlineAt?: () => number | undefined;
}

/** Exponential back-off with jitter between attempts, after a connection error, a 502/503/504 or an attempt timeout. */
export interface ClientRetryOptions {
  /** Retries after the first attempt; `0` disables retrying. Default 2. */
  maxRetries?: number;
  /** Base delay before the first retry, in milliseconds; each retry doubles it, jittered to [½, 1) of it. Default 50. */
  initialDelayMs?: number;
  /** Upper bound of one delay, in milliseconds. Default 500. */
  maxDelayMs?: number;
}

/** After `consecutiveFailures` failures in a row calls fail fast; after `halfOpenAfterMs` one probe call is let through. */
export interface ClientCircuitBreakerOptions {
  /** Failures in a row (unreachable, 5xx, timeout) that open the breaker. Default 5. */
  consecutiveFailures?: number;
  /** How long the breaker stays open before a probe call, in milliseconds. Default 10000. */
  halfOpenAfterMs?: number;
}

/** Every policy setting with its default applied. */
export interface ResolvedClientPolicy {
  timeoutMs: number;
  attemptTimeoutMs: number;
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  maxResponseBytes: number;
  maxRequestBytes: number;
}

/** Defaults that are safe for a production caller: few, short retries and a breaker that opens on a real outage. */
export const CLIENT_POLICY_DEFAULTS = {
  maxRetries: 2,
  initialDelayMs: 50,
  maxDelayMs: 500,
  consecutiveFailures: 5,
  halfOpenAfterMs: 10_000,
  maxResponseBytes: 1024 * 1024,
  maxRequestBytes: 1024 * 1024,
} as const;

/** The options with every default applied; the attempt timeout never exceeds the deadline. */
export function resolveClientPolicy(options: ClientOptions): ResolvedClientPolicy {
  const d = CLIENT_POLICY_DEFAULTS;
  return {
    timeoutMs: options.timeoutMs,
    attemptTimeoutMs: Math.min(options.attemptTimeoutMs ?? options.timeoutMs, options.timeoutMs),
    maxRetries: options.retry?.maxRetries ?? d.maxRetries,
    initialDelayMs: options.retry?.initialDelayMs ?? d.initialDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? d.maxDelayMs,
    consecutiveFailures: options.circuitBreaker?.consecutiveFailures ?? d.consecutiveFailures,
    halfOpenAfterMs: options.circuitBreaker?.halfOpenAfterMs ?? d.halfOpenAfterMs,
    maxResponseBytes: options.maxResponseBytes ?? d.maxResponseBytes,
    maxRequestBytes: options.maxRequestBytes ?? d.maxRequestBytes,
  };
}
