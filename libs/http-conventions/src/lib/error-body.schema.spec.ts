import { errorCodeOf } from './error-body.schema';

describe('errorCodeOf — the code of an error answer, read once by whoever received it', () => {
  it('is the code of an error body', () => {
    expect(errorCodeOf({ error: 'Not enough in stock', code: 'OUT_OF_STOCK' })).toBe('OUT_OF_STOCK');
  });

  it.each([
    ['a body without a code', { error: 'Internal Server Error' }],
    ['a body that is not an error body (no `error`)', { code: 'OUT_OF_STOCK' }],
    ['an empty code', { error: 'x', code: '' }],
    ['a text body', 'Service Unavailable'],
    ['no body', undefined],
  ])('is undefined for %s', (_case, body) => {
    expect(errorCodeOf(body)).toBeUndefined();
  });
});
