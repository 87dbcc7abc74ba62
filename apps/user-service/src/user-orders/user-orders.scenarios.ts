import { DEMO_ORDERS } from '@boundary/order-contract';

/**
 * What the User Service must answer for each downstream outcome — the same table at every test level, so the
 * levels differ only in how they arrange the outcome.
 */
export const USER_ORDERS_ANSWERS = {
  orders: { status: 200, body: { user_id: 'user123', orders: DEMO_ORDERS } },
  empty: { status: 200, body: { user_id: 'user000', orders: [] } },
  notFound: { status: 404, body: { error: 'User not found', code: 'USER_NOT_FOUND', user_id: 'user456' } },
  serverError: {
    status: 502,
    body: { error: 'Order Service unavailable', code: 'ORDER_SERVICE_UNAVAILABLE', user_id: 'user789' },
  },
  refused: {
    status: 502,
    body: { error: 'Order Service unavailable', code: 'ORDER_SERVICE_UNAVAILABLE', user_id: 'user123' },
  },
  timeout: { status: 504, body: { error: 'Order Service timed out', code: 'ORDER_SERVICE_TIMEOUT', user_id: 'user123' } },
  badResponse: {
    status: 502,
    body: { error: 'Order Service sent an invalid response', code: 'ORDER_SERVICE_BAD_RESPONSE', user_id: 'user123' },
  },
} as const;

/** An id that must travel as one encoded path segment, and the segment the Order Service must see. */
export const HOSTILE_USER_ID = 'a/../admin?x=1#f %';
export const HOSTILE_USER_ID_PATH = '/users/a%2F..%2Fadmin%3Fx%3D1%23f%20%25/orders';
/** The same id as the User Service receives it in its own URL. */
export const HOSTILE_USER_ID_REQUEST = `/users/${encodeURIComponent(HOSTILE_USER_ID)}/orders`;
