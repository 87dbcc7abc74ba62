/** A time limit of the policies passed: `timeoutMs` is the limit, for the client's timeout error. */
export abstract class PolicyTimeoutError extends Error {
  protected constructor(
    readonly timeoutMs: number,
    limit: string,
    options?: { cause?: unknown },
  ) {
    super(`${limit} of ${timeoutMs} ms passed`, options);
    this.name = new.target.name;
  }
}

/** The whole call ran past its deadline (`timeoutMs`), retries and back-off included. */
export class DeadlineExceededError extends PolicyTimeoutError {
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(timeoutMs, 'call deadline', options);
  }
}

/** One attempt ran past `attemptTimeoutMs` and was abandoned; it counts against the breaker and may be retried. */
export class AttemptTimeoutError extends PolicyTimeoutError {
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(timeoutMs, 'attempt timeout', options);
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
