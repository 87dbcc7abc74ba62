import { OrderIdSchema } from './order-id.schema';

describe('OrderIdSchema', () => {
  it('accepts a generated id', () => {
    expect(OrderIdSchema.parse('ord_5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f')).toBe('ord_5f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f');
  });

  it.each([
    ['an empty id', '', 'must not be empty'],
    ['an id over 128 characters', 'o'.repeat(129), 'at most 128'],
    ['a NUL character', 'o\u0000', 'control characters'],
  ])('rejects %s with a message saying why', (_case, id, message) => {
    expect(OrderIdSchema.safeParse(id).error?.issues[0].message).toContain(message);
  });
});
