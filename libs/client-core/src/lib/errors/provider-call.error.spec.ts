import { providerError, TestProviderError } from '../testing/test-provider.error';
import { ProviderCallError, statusOf } from './provider-call.error';

/** A library error whose `status` is the reason phrase, not a number. */
class TextStatusError extends ProviderCallError {
  readonly code = 'TEXT_STATUS';
  readonly kind = 'unavailable';
  readonly status = 'Service Unavailable';
  constructor() {
    super('unavailable');
  }
}

const resource = { method: 'GET', path: '/items/{itemId}', params: { itemId: 'i1' } };

describe('ProviderCallError', () => {
  it('is named after its class and carries the resource and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new TestProviderError('unavailable', { resource, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TestProviderError', resource, cause });
  });

  it('has no cause when none is given', () => {
    expect('cause' in new TestProviderError('unavailable', { resource })).toBe(false);
  });
});

describe('statusOf', () => {
  it('is the status an error carries', () => {
    expect(statusOf(providerError('unavailable', 503))).toBe(503);
  });

  it('is undefined for an error without a status', () => {
    expect(statusOf(providerError('unavailable'))).toBeUndefined();
  });

  it('is undefined for a status that is not a number', () => {
    expect(statusOf(new TextStatusError())).toBeUndefined();
  });
});
