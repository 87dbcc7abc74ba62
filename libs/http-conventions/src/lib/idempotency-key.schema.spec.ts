import { IdempotencyKeySchema } from './idempotency-key.schema';

describe('IdempotencyKeySchema', () => {
  it('accepts a UUID', () => {
    expect(IdempotencyKeySchema.parse('5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f')).toBe('5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f');
  });

  it.each([
    ['an empty key', ''],
    ['a key over 255 characters', 'k'.repeat(256)],
    ['a key with a space', 'a b'],
  ])('rejects %s', (_case, key) => {
    expect(IdempotencyKeySchema.safeParse(key).success).toBe(false);
  });

  it.each([
    ['an empty key', '', 'must not be empty'],
    ['a key over 255 characters', 'k'.repeat(256), 'must be at most 255 characters'],
    ['a key with a space', 'a b', 'must be printable ASCII without spaces'],
  ])('names the problem with %s', (_case, key, message) => {
    expect(IdempotencyKeySchema.safeParse(key).error?.issues[0].message).toBe(message);
  });
});
