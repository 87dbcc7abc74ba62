/**
 * The Order Service's routes as path templates, written once: its client fills them in (`@boundary/client-core`),
 * its controller and the User Service's (which serves the same user history path) take them via `nestRoute`.
 */
export const ORDER_ROUTES = {
  /** A page of a user's orders: a bare JSON array, the next page in a `Link` header. */
  userOrders: '/users/{userId}/orders',
  /** One order with its owner. */
  order: '/orders/{orderId}',
  /** Where orders are created (`POST`, idempotent with an `Idempotency-Key`). */
  orders: '/orders',
} as const;
