import { expandPath } from '@boundary/http-conventions';

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

/**
 * The `Link` header value pointing at the next page of a user's history, as both services answer it:
 * `</users/<userId>/orders?limit=<limit>&cursor=<cursor>>; rel="next"` (the id encoded as one segment).
 */
export function nextUserOrdersPageLink(userId: string, limit: number, cursor: string): string {
  const query = new URLSearchParams({ limit: String(limit), cursor });
  return `<${expandPath(ORDER_ROUTES.userOrders, { userId })}?${query}>; rel="next"`;
}
