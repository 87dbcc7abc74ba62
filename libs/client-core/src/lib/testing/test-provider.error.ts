import { ProviderCallError, type ProviderFailure } from '../errors/provider-call.error';

/** The one error class of the core's tests, as a client library declares its own. */
export class TestProviderError extends ProviderCallError {}

/** A failure of any kind, without the resource: what `providerError` fills in. */
type WithoutResource<F> = F extends unknown ? Omit<F, 'resource'> : never;

const SOME_RESOURCE = { method: 'GET', path: '/items', params: {} };

/** A failure for `GET /items`, e.g. `providerError({ kind: 'unavailable', status: 503 })`. */
export function providerError(failure: WithoutResource<ProviderFailure>): TestProviderError {
  return new TestProviderError({ resource: SOME_RESOURCE, ...failure });
}
