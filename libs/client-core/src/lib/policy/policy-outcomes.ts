/** The whole call ran past its deadline (`timeoutMs`), retries and back-off included. */
export class DeadlineExceededError extends Error {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`call deadline of ${timeoutMs} ms passed`, options);
    this.name = 'DeadlineExceededError';
  }
}

/** One attempt ran past `attemptTimeoutMs` and was abandoned; it counts against the breaker and may be retried. */
export class AttemptTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`attempt timeout of ${timeoutMs} ms passed`, options);
    this.name = 'AttemptTimeoutError';
  }
}

/** The circuit breaker is open: nothing was sent. `retryAfterMs` is how long until it lets a probe through (≥ 1). */
export class CircuitOpenError extends Error {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`circuit open for ${retryAfterMs} ms`, options);
    this.name = 'CircuitOpenError';
  }
}
