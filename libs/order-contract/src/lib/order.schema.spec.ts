import { DEMO_ORDERS } from './demo-orders';
import { OrderListSchema, OrderSchema } from './order.schema';

describe('OrderSchema', () => {
  it('accepts the demo fixtures', () => {
    expect(OrderListSchema.parse(DEMO_ORDERS)).toEqual([
      { order_id: 'ord001', item: 'Laptop', quantity: 1 },
      { order_id: 'ord002', item: 'Mouse', quantity: 2 },
    ]);
  });

  it.each([
    ['quantity 0', { order_id: 'o', item: 'x', quantity: 0 }, 'quantity'],
    ['a negative quantity', { order_id: 'o', item: 'x', quantity: -1 }, 'quantity'],
    ['a fractional quantity', { order_id: 'o', item: 'x', quantity: 1.5 }, 'quantity'],
    ['quantity as a string', { order_id: 'o', item: 'x', quantity: '1' }, 'quantity'],
    ['a missing order_id', { item: 'x', quantity: 1 }, 'order_id'],
    ['an empty item', { order_id: 'o', item: '', quantity: 1 }, 'item'],
    ['an item over 200 characters', { order_id: 'o', item: 'x'.repeat(201), quantity: 1 }, 'item'],
  ])('rejects %s, naming the field', (_case, order, field) => {
    const result = OrderSchema.safeParse(order);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });

  it('strips fields it does not know, so the provider can add fields safely', () => {
    expect(OrderSchema.parse({ order_id: 'o', item: 'x', quantity: 1, colour: 'red' })).toEqual({
      order_id: 'o',
      item: 'x',
      quantity: 1,
    });
  });

  it('rejects a wrapped list: the wire shape is a bare array', () => {
    expect(OrderListSchema.safeParse({ orders: DEMO_ORDERS }).success).toBe(false);
  });
});
