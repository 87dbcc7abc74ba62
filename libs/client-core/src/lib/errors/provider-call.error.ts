import { describeResource, type CalledResource } from '../called-resource';

/**
 * What went wrong with a call, as the policies and the caller's error mapping need to know it:
 *
 * - `not-found`: the provider answered 404;
 * - `unavailable`: refused or reset connection, no answer, or a 5xx (`status` then says which);
 * - `timeout`: the deadline or an attempt's timeout passed, or (`timeoutMs` 0) the budget of the request being served
 *   was spent before the call, which then sent nothing;
 * - `bad-response`: a 2xx whose body is not JSON, breaks the schema or exceeds the size cap;
 * - `rejected`: any other 4xx, or a request the client refused to send (a `.`/`..` path parameter as 400, a body over
 *   `maxRequestBytes` as 413); never retried;
 * - `circuit-open`: the circuit breaker is open, nothing was sent.
 */
export type ProviderFailureKind = 'not-found' | 'unavailable' | 'timeout' | 'bad-response' | 'rejected' | 'circuit-open';

/** What the provider said when it answered with an error: its status and the `code` of its error body. */
interface Answered {
  /** The upstream HTTP status. */
  status?: number;
  /** The `code` of the provider's JSON error body (`ErrorBodySchema`), e.g. `OUT_OF_STOCK`, when it sent one. */
  providerCode?: string;
}

/**
 * Everything a `ProviderCallError` is built from: the kind, the resource called, the cause, and what that kind
 * carries. The core builds these; a test builds them to script a stub, e.g.
 * `new OrderServiceError({ kind: 'timeout', resource, timeoutMs: 50 })`.
 */
export type ProviderFailure = { resource: CalledResource; cause?: unknown } & (
  | ({ kind: 'not-found' } & Answered)
  | ({ kind: 'unavailable' } & Answered)
  | ({ kind: 'rejected'; status: number } & Answered)
  | { kind: 'timeout'; /** The deadline or attempt timeout that passed, in ms. */ timeoutMs: number }
  | { kind: 'bad-response'; /** What is wrong, e.g. `0.quantity: Too small` or `body is not valid JSON`. */ reason: string }
  | { kind: 'circuit-open'; /** How long until the breaker lets a probe through, in ms (≥ 1). */ retryAfterMs: number }
);

/** The fields a kind may carry besides the resource and the cause. */
const DETAILS = ['status', 'providerCode', 'timeoutMs', 'retryAfterMs', 'reason'] as const;

/**
 * The one error of every client built on the core (as ky's `HTTPError` is ky's): the core decides the `kind`, reads
 * the provider's error body once (`providerCode`) and builds it. A client library declares one subclass for its
 * provider's name and hands it to `ProviderClient`, nothing more:
 *
 * ```ts
 * export class InventoryServiceError extends ProviderCallError {}
 * ```
 *
 * The subclass's name names the provider: `InventoryServiceError` says "Inventory Service" in messages and
 * `INVENTORY_SERVICE_<KIND>` in `code` (e.g. `INVENTORY_SERVICE_TIMEOUT`), so a minifying bundler must keep class
 * names (the services' webpack build does not minify). Fields a kind does not carry are absent, not `undefined`.
 */
export class ProviderCallError extends Error {
  /** Stable machine-readable name of the failure: the provider's name and the kind, e.g. `ORDER_SERVICE_TIMEOUT`. */
  readonly code: string;
  readonly kind: ProviderFailureKind;
  /** The resource called: method, path template and the parameters it was filled with (`resource.params.userId`). */
  readonly resource: CalledResource;
  /** The upstream HTTP status, when there was an answer (`not-found`, `unavailable` after a 5xx, `rejected`). */
  declare readonly status?: number;
  /** The `code` of the provider's JSON error body, when it answered with one, e.g. `OUT_OF_STOCK`. */
  declare readonly providerCode?: string;
  /** `timeout`: the deadline or attempt timeout that passed, in ms. */
  declare readonly timeoutMs?: number;
  /** `circuit-open`: how long until the breaker lets a probe call through, in ms (≥ 1). */
  declare readonly retryAfterMs?: number;
  /** `bad-response`: what is wrong with the body, e.g. `0.quantity: Too small`. */
  declare readonly reason?: string;

  constructor(failure: ProviderFailure) {
    const provider = providerNameOf(new.target.name);
    super(`${provider} ${whatHappened(failure)} for ${describeResource(failure.resource)}`, causeOf(failure));
    this.name = new.target.name;
    this.kind = failure.kind;
    this.code = `${provider.toUpperCase().replace(/ /g, '_')}_${failure.kind.toUpperCase().replace(/-/g, '_')}`;
    this.resource = failure.resource;
    const details: Partial<Record<(typeof DETAILS)[number], unknown>> = failure;
    for (const name of DETAILS) {
      const value = details[name];
      if (value !== undefined) Object.defineProperty(this, name, { value, enumerable: true });
    }
  }
}

/** `Order Service` for `OrderServiceError`: the class name without `Error`, in words (`Provider` for the base). */
function providerNameOf(className: string): string {
  if (className === 'ProviderCallError') return 'Provider';
  return className.replace(/Error$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

/** The middle of the message: what the provider did, in its kind's terms. */
function whatHappened(failure: ProviderFailure): string {
  switch (failure.kind) {
    case 'not-found':
      return `answered ${failure.status ?? 404}${codeNote(failure)}`;
    case 'unavailable':
      return failure.status === undefined ? 'was unreachable' : `answered ${failure.status}${codeNote(failure)}`;
    case 'rejected':
      return `rejected the call with ${failure.status}${codeNote(failure)}`;
    case 'timeout':
      return `did not answer within ${failure.timeoutMs} ms`;
    case 'bad-response':
      return `sent an off-contract response (${failure.reason})`;
    case 'circuit-open':
      return `circuit open: failing fast for ${failure.retryAfterMs} ms`;
  }
}

const codeNote = ({ providerCode }: Answered) => (providerCode === undefined ? '' : ` ${providerCode}`);

function causeOf({ cause }: ProviderFailure): ErrorOptions | undefined {
  return cause === undefined ? undefined : { cause };
}
