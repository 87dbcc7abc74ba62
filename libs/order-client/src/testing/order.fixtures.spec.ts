import { OrderListSchema } from '@boundary/order-contract';
import { OffContractFixtureError } from '@boundary/testing';
import { anOrder, onContractOrders, ordersFor } from './order.fixtures';

describe('order fixtures', () => {
  it('anOrder() is an on-contract order, with overrides applied', () => {
    expect(anOrder()).toEqual({ order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' });
    expect(anOrder({ quantity: 3, item: 'Desk' })).toEqual({ order_id: 'ord001', item: 'Desk', quantity: 3, status: 'placed' });
    expect(anOrder({ status: 'backordered' })).toEqual({ order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'backordered' });
  });

  it('ordersFor(userId, n) gives n distinct, deterministic on-contract orders', () => {
    const orders = ordersFor('user123', 3);
    expect(OrderListSchema.parse(orders)).toEqual(orders);
    expect(orders.map((o) => [o.order_id, o.quantity])).toEqual([
      ['user123-ord001', 1],
      ['user123-ord002', 2],
      ['user123-ord003', 3],
    ]);
    expect(ordersFor('user000', 0)).toEqual([]);
  });

  it.each([
    ['quantity 0', { quantity: 0 }, 'quantity'],
    ['a missing field', { order_id: undefined }, 'order_id'],
    ['a wrong type', { quantity: '1' as never }, 'quantity'],
    ['an empty item', { item: '' }, 'item'],
  ])('anOrder() with %s fails at once, naming the field', (_case, overrides, field) => {
    expect(() => anOrder(overrides)).toThrow(OffContractFixtureError);
    expect(() => anOrder(overrides)).toThrow(new RegExp(`off-contract order fixture: ${field}: `));
  });

  it('onContractOrders() names the index and field of the first off-contract order', () => {
    const orders = [anOrder(), { order_id: 'ord002', item: 'Mouse', quantity: 0 }];
    expect(() => onContractOrders(orders)).toThrow(/off-contract order fixture: 1\.quantity: /);
  });

  it('onContractOrders() rejects a wrapped list, naming the whole body', () => {
    expect(() => onContractOrders({ orders: [] } as never)).toThrow(/off-contract order fixture: orders: /);
  });

  it('onContractOrders() strips unknown fields, as the client would', () => {
    expect(onContractOrders([{ ...anOrder(), colour: 'red' }])).toEqual([anOrder()]);
  });
});
