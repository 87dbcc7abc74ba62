import { OrderListSchema, OrderSchema, type Order } from '@boundary/order-contract';
import type { z } from 'zod';

/**
 * A double was configured with data the real Order Service could never send. Thrown at setup, so the test fails
 * where the bad fixture is written, not later as a puzzling client error. The message names the field.
 */
export class OffContractFixtureError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`off-contract order fixture: ${field}: ${problem} (see OrderSchema in @boundary/order-contract)`);
    this.name = 'OffContractFixtureError';
  }
}

/**
 * Checks `orders` against the contract's `OrderListSchema` and returns them as parsed (unknown fields stripped).
 * Throws `OffContractFixtureError` naming the first offending field, e.g. `0.quantity`.
 */
export function onContractOrders(orders: readonly unknown[]): Order[] {
  const result = OrderListSchema.safeParse(orders);
  if (!result.success) throw offContract(result.error, 'orders');
  return result.data;
}

/**
 * One order that satisfies the contract, with `overrides` applied. Throws `OffContractFixtureError` naming the
 * field if the overrides break the contract (`anOrder({ quantity: 0 })` fails at once).
 */
export function anOrder(overrides: Partial<Order> = {}): Order {
  const order = { order_id: 'ord001', item: 'Laptop', quantity: 1, ...overrides };
  const result = OrderSchema.safeParse(order);
  if (!result.success) throw offContract(result.error, 'order');
  return result.data;
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

function offContract(error: z.ZodError, whole: string): OffContractFixtureError {
  const issue = error.issues[0];
  return new OffContractFixtureError(issue.path.length > 0 ? issue.path.join('.') : whole, issue.message);
}
