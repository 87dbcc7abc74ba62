import { MAX_QUANTITY } from '@boundary/inventory-contract';
import { CreateOrderRequestSchema } from './create-order.schema';

describe('CreateOrderRequestSchema', () => {
  const valid = { user_id: 'user123', item: 'Laptop', quantity: 1 };

  it('accepts a well-formed order', () => {
    expect(CreateOrderRequestSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown field', { ...valid, colour: 'red' }, [], /colour/],
    ['quantity as a string', { ...valid, quantity: '1' }, ['quantity'], /number/],
    ['quantity 0', { ...valid, quantity: 0 }, ['quantity'], /0/],
    ['a negative quantity', { ...valid, quantity: -3 }, ['quantity'], /0/],
    ['a fractional quantity', { ...valid, quantity: 1.5 }, ['quantity'], /int/],
    ['a quantity over the column range', { ...valid, quantity: MAX_QUANTITY + 1 }, ['quantity'], /2147483647/],
    ['an item over 200 characters', { ...valid, item: 'x'.repeat(201) }, ['item'], /200/],
    ['an empty item', { ...valid, item: '' }, ['item'], /1/],
    ['a NUL in the item', { ...valid, item: 'a\u0000b' }, ['item'], /control characters/],
    ['a missing user_id', { item: 'x', quantity: 1 }, ['user_id'], /string/],
    ['a user id over 128 characters', { ...valid, user_id: 'u'.repeat(129) }, ['user_id'], /128/],
  ])('rejects %s, naming the field', (_case, body, path, message) => {
    const result = CreateOrderRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
    expect(result.error?.issues[0].message).toMatch(message);
  });
});
