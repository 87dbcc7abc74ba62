/**
 * Base of every failure of a call to the Order Service. Each carries the user id the call was for and the
 * underlying cause, so the caller can map it to an answer and log it once with its context.
 */
export abstract class OrderServiceError extends Error {
  /** Stable machine-readable name of the failure, e.g. `ORDER_SERVICE_TIMEOUT`. */
  abstract readonly code: string;

  protected constructor(
    message: string,
    readonly userId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
