import type { Order } from '@boundary/order-contract';

/**
 * Where the Order Service keeps orders. The controller depends on this abstraction only, so storage can change
 * (in memory, PGlite, PostgreSQL) without touching the HTTP layer.
 */
export abstract class OrderRepository {
  /** The user's orders, newest first; `undefined` when the Order Service does not know the user. */
  abstract findByUser(userId: string): Promise<Order[] | undefined>;
}
