import { describeResource } from '../called-resource';
import type { ClientErrors, FailureContext } from '../errors/client-errors';
import { ProviderCallError, type ProviderFailureKind } from '../errors/provider-call.error';

/** The one error class of the core's tests: its kind, and what the core told the factory (`detail`). */
export class TestProviderError extends ProviderCallError {
  readonly code: string;
  constructor(
    readonly kind: ProviderFailureKind,
    context: FailureContext,
    readonly detail?: number | string,
  ) {
    super(`${kind} ${describeResource(context.resource)}`, context);
    this.code = kind.toUpperCase();
  }
  get status(): number | undefined {
    return typeof this.detail === 'number' && this.kind !== 'timeout' && this.kind !== 'circuit-open' ? this.detail : undefined;
  }
}

/** `ClientErrors` building `TestProviderError`s. */
export const TEST_ERRORS: ClientErrors = {
  notFound: (c) => new TestProviderError('not-found', c),
  unavailable: (c, status) => new TestProviderError('unavailable', c, status),
  timeout: (c, ms) => new TestProviderError('timeout', c, ms),
  badResponse: (c, reason) => new TestProviderError('bad-response', c, reason),
  rejected: (c, status) => new TestProviderError('rejected', c, status),
  circuitOpen: (c, ms) => new TestProviderError('circuit-open', c, ms),
};

const SOME_RESOURCE = { method: 'GET', path: '/items', params: {} };

/** A failure of `kind` for `GET /items`, e.g. `providerError('unavailable', 503)`. */
export function providerError(kind: ProviderFailureKind, detail?: number | string): TestProviderError {
  return new TestProviderError(kind, { resource: SOME_RESOURCE }, detail);
}
