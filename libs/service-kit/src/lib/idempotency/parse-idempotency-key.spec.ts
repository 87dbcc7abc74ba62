import { BadRequestException } from '@nestjs/common';
import { parseIdempotencyKey } from './parse-idempotency-key';

describe('parseIdempotencyKey', () => {
  it('answers the key as sent, and undefined without one', () => {
    expect(parseIdempotencyKey('5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f')).toBe('5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['an empty key', '', 'must not be empty'],
    ['a key over 255 characters', 'k'.repeat(256), 'must be at most 255 characters'],
    ['a key with a space', 'a b', 'must be printable ASCII without spaces'],
  ])('throws 400 INVALID_IDEMPOTENCY_KEY naming the problem for %s', (_case, key, message) => {
    let thrown: unknown;
    try {
      parseIdempotencyKey(key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    expect((thrown as BadRequestException).getResponse()).toEqual({
      error: `Invalid Idempotency-Key header: ${message}`,
      code: 'INVALID_IDEMPOTENCY_KEY',
    });
  });
});
