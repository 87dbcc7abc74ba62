import type { CalledResource } from '../called-resource';

/**
 * What went wrong with a call, as the policies and the caller's error mapping need to know it:
 *
 * - `not-found`: the provider answered 404;
 * - `unavailable`: refused or reset connection, no answer, or a 5xx (`status` then says which);
 * - `timeout`: the deadline or an attempt's timeout passed;
 * - `bad-response`: a 2xx whose body is not JSON, breaks the schema or exceeds the size cap;
 * - `rejected`: any other 4xx, or a request the client refused to send (a `.`/`..` path parameter);
 * - `circuit-open`: the circuit breaker is open, nothing was sent.
 */
export type ProviderFailureKind = 'not-found' | 'unavailable' | 'timeout' | 'bad-response' | 'rejected' | 'circuit-open';

/** Options every provider error takes: what caused it and which resource was called. */
export interface ProviderCallErrorOptions {
  cause?: unknown;
  resource?: CalledResource;
}

/**
 * Base of every typed failure of a client built on the core. A client library subclasses it once per kind (with its
 * own `code`s and messages); the core only reads `kind` and `status`, to decide what to retry and what counts
 * against the circuit breaker.
 */
export abstract class ProviderCallError extends Error {
  /** Stable machine-readable name of the failure, e.g. `ORDER_SERVICE_TIMEOUT`. */
  abstract readonly code: string;
  abstract readonly kind: ProviderFailureKind;
  /** The resource called, when the error comes from a call (a test may build one without). */
  declare readonly resource?: CalledResource;

  protected constructor(message: string, options: ProviderCallErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.resource !== undefined) Object.defineProperty(this, 'resource', { value: options.resource, enumerable: true });
  }
}

/** The upstream HTTP status an error carries, if any. */
export function statusOf(error: ProviderCallError): number | undefined {
  const { status } = error as { status?: unknown };
  return typeof status === 'number' ? status : undefined;
}
