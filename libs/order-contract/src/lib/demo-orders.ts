import { DEMO_ITEMS } from '@boundary/inventory-contract';
import type { Order } from './order.schema';

/** The user whose orders the demo data and the boundary tests use. */
export const DEMO_USER_ID = 'user123';

/**
 * `user123`'s orders, of the inventory's demo items: the demo seed of the Order Service and the happy path of every
 * boundary test.
 */
export const DEMO_ORDERS: readonly Order[] = Object.freeze([
  Object.freeze({ order_id: 'ord001', item: DEMO_ITEMS[0].item, quantity: 1, status: 'placed' }),
  Object.freeze({ order_id: 'ord002', item: DEMO_ITEMS[1].item, quantity: 2, status: 'placed' }),
]);

/** A user the Order Service does not know: it answers 404. */
export const UNKNOWN_USER_ID = 'user456';

/** The user whose lookup fails upstream in the original sample: the Order Service answers 500. */
export const FAILING_USER_ID = 'user789';

/** A user that exists but has never ordered: the Order Service answers `[]`. */
export const USER_WITHOUT_ORDERS_ID = 'user000';
