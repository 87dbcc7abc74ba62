import { expandPath } from '@boundary/http-conventions';

/** The User Service's route of one order of a user, written once: served by the controller, sent as `Location`. */
export const USER_ORDER_ROUTE = '/users/{userId}/orders/{orderId}';

/** The `Location` of a user's order. */
export function userOrderLocation(userId: string, orderId: string): string {
  return expandPath(USER_ORDER_ROUTE, { userId, orderId });
}
