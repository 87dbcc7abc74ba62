import { providerError, TestProviderError } from '../testing/test-provider.error';
import { ProviderCallError, type ProviderFailure } from './provider-call.error';

/** A client library's one subclass, with a name of several words. */
class StockLevelServiceError extends ProviderCallError {}

const resource = { method: 'GET', path: '/items/{itemId}', params: { itemId: 'i1' } };
const ITEM = 'for GET /items/{itemId} (itemId "i1")';

describe('ProviderCallError', () => {
  it('is named after its class and carries the kind, the resource and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new TestProviderError({ kind: 'unavailable', resource, cause });
    expect(error).toBeInstanceOf(ProviderCallError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TestProviderError', kind: 'unavailable', resource, cause });
  });

  it('has no cause when none is given', () => {
    expect('cause' in new TestProviderError({ kind: 'unavailable', resource })).toBe(false);
  });

  it.each<[ProviderFailure, string]>([
    [{ kind: 'not-found', resource }, 'STOCK_LEVEL_SERVICE_NOT_FOUND'],
    [{ kind: 'unavailable', resource }, 'STOCK_LEVEL_SERVICE_UNAVAILABLE'],
    [{ kind: 'timeout', resource, timeoutMs: 1 }, 'STOCK_LEVEL_SERVICE_TIMEOUT'],
    [{ kind: 'bad-response', resource, reason: 'x' }, 'STOCK_LEVEL_SERVICE_BAD_RESPONSE'],
    [{ kind: 'rejected', resource, status: 400 }, 'STOCK_LEVEL_SERVICE_REJECTED'],
    [{ kind: 'circuit-open', resource, retryAfterMs: 1 }, 'STOCK_LEVEL_SERVICE_CIRCUIT_OPEN'],
  ])('codes a failure of a subclass as its provider and kind (%o): %s', (failure, code) => {
    expect(new StockLevelServiceError(failure)).toMatchObject({ name: 'StockLevelServiceError', kind: failure.kind, code });
  });

  it('speaks of "Provider" when built as the base class itself', () => {
    expect(new ProviderCallError({ kind: 'timeout', resource, timeoutMs: 5 })).toMatchObject({
      name: 'ProviderCallError',
      code: 'PROVIDER_TIMEOUT',
      message: `Provider did not answer within 5 ms ${ITEM}`,
    });
  });

  it.each<[string, ProviderFailure, Record<string, unknown>, string]>([
    [
      'a 404 with the provider’s code',
      { kind: 'not-found', resource, status: 404, providerCode: 'ITEM_NOT_FOUND' },
      { status: 404, providerCode: 'ITEM_NOT_FOUND' },
      `Stock Level Service answered 404 ITEM_NOT_FOUND ${ITEM}`,
    ],
    ['a 404 without a status', { kind: 'not-found', resource }, {}, `Stock Level Service answered 404 ${ITEM}`],
    [
      'a 503 with the provider’s code',
      { kind: 'unavailable', resource, status: 503, providerCode: 'INVENTORY_UNAVAILABLE' },
      { status: 503, providerCode: 'INVENTORY_UNAVAILABLE' },
      `Stock Level Service answered 503 INVENTORY_UNAVAILABLE ${ITEM}`,
    ],
    ['no answer', { kind: 'unavailable', resource }, {}, `Stock Level Service was unreachable ${ITEM}`],
    [
      'a rejection',
      { kind: 'rejected', resource, status: 409, providerCode: 'OUT_OF_STOCK' },
      { status: 409, providerCode: 'OUT_OF_STOCK' },
      `Stock Level Service rejected the call with 409 OUT_OF_STOCK ${ITEM}`,
    ],
    [
      'a rejection without a code',
      { kind: 'rejected', resource, status: 401 },
      { status: 401 },
      `Stock Level Service rejected the call with 401 ${ITEM}`,
    ],
    ['a timeout', { kind: 'timeout', resource, timeoutMs: 250 }, { timeoutMs: 250 }, `Stock Level Service did not answer within 250 ms ${ITEM}`],
    [
      'a bad response',
      { kind: 'bad-response', resource, reason: '0.quantity: Too small' },
      { reason: '0.quantity: Too small' },
      `Stock Level Service sent an off-contract response (0.quantity: Too small) ${ITEM}`,
    ],
    [
      'an open circuit',
      { kind: 'circuit-open', resource, retryAfterMs: 4_000 },
      { retryAfterMs: 4_000 },
      `Stock Level Service circuit open: failing fast for 4000 ms ${ITEM}`,
    ],
  ])('carries what %s says, and only that, in its fields and its message', (_case, failure, details, message) => {
    const error = new StockLevelServiceError(failure);
    const fields = ['status', 'providerCode', 'timeoutMs', 'retryAfterMs', 'reason'].filter((name) => name in error);
    expect(Object.fromEntries(fields.map((name) => [name, error[name as keyof StockLevelServiceError]]))).toEqual(details);
    expect(error.message).toBe(message);
  });

  it('lists its fields for a log line or JSON, without the ones its kind does not carry', () => {
    const error = providerError({ kind: 'rejected', status: 400 });
    expect(Object.keys(error).sort()).toEqual(['code', 'kind', 'name', 'resource', 'status']);
  });
});
