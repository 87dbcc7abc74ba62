import type { Order } from '@boundary/order-contract';
import { answers, answersOversized, truncates, type HttpAnswer } from '@boundary/testing';
import { anOrder, onContractOrders, ordersFor } from './order.fixtures';

/** Answers 200 with `orders`, checked against the contract first: an off-contract order throws `OffContractFixtureError`. */
export function answersOrders(orders: readonly unknown[]): HttpAnswer {
  return answers(200, onContractOrders(orders));
}

/** 200 with the JSON of `orders` cut in half, as when the connection drops mid-body. */
export function truncatesOrders(orders: readonly Order[] = ordersFor('user123', 2)): HttpAnswer {
  return truncates(orders);
}

/** 200 with an on-contract order list of at least `bytes` bytes of JSON: only a response size limit can refuse it. */
export function answersOversizedOrders(bytes: number): HttpAnswer {
  return answersOversized(bytes, anOrder({ order_id: 'big-ord001' }));
}
