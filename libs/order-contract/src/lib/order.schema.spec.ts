import { DEMO_ORDERS } from './demo-orders';
import { OrderListSchema, OrderSchema } from './order.schema';

describe('OrderSchema', () => {
  it('accepts the demo fixtures', () => {
    expect(OrderListSchema.parse(DEMO_ORDERS)).toEqual([
      { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' },
      { order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' },
    ]);
  });

  it('reads a backordered order as backordered', () => {
    expect(OrderSchema.parse({ order_id: 'o', item: 'x', quantity: 1, status: 'backordered' })).toEqual({
      order_id: 'o',
      item: 'x',
      quantity: 1,
      status: 'backordered',
    });
  });

  it('reads an order without a status — from an Order Service older than the field — as placed', () => {
    expect(OrderSchema.parse({ order_id: 'o', item: 'x', quantity: 1 })).toEqual({ order_id: 'o', item: 'x', quantity: 1, status: 'placed' });
  });

  it.each([
    ['quantity 0', { order_id: 'o', item: 'x', quantity: 0 }, 'quantity'],
    ['a negative quantity', { order_id: 'o', item: 'x', quantity: -1 }, 'quantity'],
    ['a fractional quantity', { order_id: 'o', item: 'x', quantity: 1.5 }, 'quantity'],
    ['quantity as a string', { order_id: 'o', item: 'x', quantity: '1' }, 'quantity'],
    ['a missing order_id', { item: 'x', quantity: 1 }, 'order_id'],
    ['an empty item', { order_id: 'o', item: '', quantity: 1 }, 'item'],
    ['an item over 200 characters', { order_id: 'o', item: 'x'.repeat(201), quantity: 1 }, 'item'],
    ['an unknown status', { order_id: 'o', item: 'x', quantity: 1, status: 'lost' }, 'status'],
    ['a null status', { order_id: 'o', item: 'x', quantity: 1, status: null }, 'status'],
  ])('rejects %s, naming the field', (_case, order, field) => {
    const result = OrderSchema.safeParse(order);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });

  it('strips fields it does not know, so the provider can add fields safely', () => {
    expect(OrderSchema.parse({ order_id: 'o', item: 'x', quantity: 1, status: 'placed', colour: 'red' })).toEqual({
      order_id: 'o',
      item: 'x',
      quantity: 1,
      status: 'placed',
    });
  });

  it('rejects a wrapped list: the wire shape is a bare array', () => {
    expect(OrderListSchema.safeParse({ orders: DEMO_ORDERS }).success).toBe(false);
  });
});
