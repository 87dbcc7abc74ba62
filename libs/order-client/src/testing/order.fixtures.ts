import { OrderListSchema, OrderSchema, type Order } from '@boundary/order-contract';
import { checkedFixture, type FixtureNames } from '@boundary/testing';

const ORDER: FixtureNames = { what: 'order', schemaName: 'OrderSchema in @boundary/order-contract' };

/**
 * Checks `orders` against the contract's `OrderListSchema` and returns them as parsed (unknown fields stripped).
 * Throws `OffContractFixtureError` naming the first offending field, e.g. `0.quantity`.
 */
export function onContractOrders(orders: readonly unknown[]): Order[] {
  return checkedFixture(OrderListSchema, orders, { ...ORDER, whole: 'orders' });
}

/**
 * One order that satisfies the contract, with `overrides` applied. Throws `OffContractFixtureError` naming the
 * field if the overrides break the contract (`anOrder({ quantity: 0 })` fails at once).
 */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return checkedFixture(OrderSchema, { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed', ...overrides }, ORDER);
}

/**
 * `count` distinct on-contract orders for `userId`: ids `<userId>-ord001`, `<userId>-ord002`, …, quantities
 * 1, 2, 3, … Deterministic, so a test can assert on them.
 */
export function ordersFor(userId: string, count: number): Order[] {
  return Array.from({ length: count }, (_, i) =>
    anOrder({ order_id: `${userId}-ord${String(i + 1).padStart(3, '0')}`, item: `Item ${i + 1}`, quantity: i + 1 }),
  );
}
