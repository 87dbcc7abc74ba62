import { OrderServiceError } from '@boundary/order-client';
import { answersOrders, ORDER_SERVICE_CALLS, type OrderServiceClientStub, type UserScript } from '@boundary/order-client/testing';
import { answers, answersMalformedJson, refuses, timesOut, type HttpAnswer } from '@boundary/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';

/** An order the inventory held nothing for any more when the Order Service confirmed it: shown as backordered. */
export const BACKORDERED_ORDER = { order_id: 'ord003', item: 'Laptop', quantity: 1, status: 'backordered' } as const;

/**
 * What the User Service must answer for each downstream outcome — the same table at every test level, so the
 * levels differ only in how they arrange the outcome.
 */
export const USER_ORDERS_ANSWERS = {
  orders: { status: 200, body: { user_id: 'user123', orders: DEMO_ORDERS } },
  backordered: { status: 200, body: { user_id: 'user123', orders: [BACKORDERED_ORDER, DEMO_ORDERS[0]] } },
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
  rejected: {
    status: 502,
    body: { error: 'Order Service rejected the request', code: 'ORDER_SERVICE_REJECTED', user_id: 'user123' },
  },
  timeout: { status: 504, body: { error: 'Order Service timed out', code: 'ORDER_SERVICE_TIMEOUT', user_id: 'user123' } },
  badResponse: {
    status: 502,
    body: { error: 'Order Service sent an invalid response', code: 'ORDER_SERVICE_BAD_RESPONSE', user_id: 'user123' },
  },
} as const;

/**
 * One downstream outcome, arranged both ways: `upstream` is what the Order Service sends (played by the
 * `HttpService` double or by nock), `client` is what `OrderServiceClient` then emits (scripted on its stub).
 */
export interface UserOrdersScenario {
  outcome: string;
  userId: string;
  upstream: HttpAnswer;
  client: (stub: OrderServiceClientStub) => void;
  expected: { status: number; body: unknown };
}

/** The call a user's history makes, which the client's errors name. */
const history = ORDER_SERVICE_CALLS.userOrders;

const scenario = (
  outcome: string,
  userId: string,
  upstream: HttpAnswer,
  client: (script: UserScript, userId: string) => void,
  expected: UserOrdersScenario['expected'],
): UserOrdersScenario => ({ outcome, userId, upstream, client: (stub) => client(stub.forUser(userId), userId), expected });

/** Every outcome the User Service documents, for `it.each`. */
export const USER_ORDERS_SCENARIOS: readonly UserOrdersScenario[] = [
  scenario('user123’s orders', 'user123', answersOrders(DEMO_ORDERS), (s) => s.returns(DEMO_ORDERS), USER_ORDERS_ANSWERS.orders),
  scenario(
    'a backordered order beside a placed one, each with its status',
    'user123',
    answersOrders([BACKORDERED_ORDER, DEMO_ORDERS[0]]),
    (s) => s.returns([BACKORDERED_ORDER, DEMO_ORDERS[0]]),
    USER_ORDERS_ANSWERS.backordered,
  ),
  scenario('an empty history with 200, not 500', 'user000', answersOrders([]), (s) => s.returns([]), USER_ORDERS_ANSWERS.empty),
  scenario(
    '404 from the Order Service',
    'user456',
    answers(404, { error: 'Unknown user' }),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'not-found', resource: history(id), status: 404 })),
    USER_ORDERS_ANSWERS.notFound,
  ),
  scenario(
    '500 Internal Server Error from the Order Service',
    'user789',
    answers(500, 'Internal Server Error'),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'unavailable', resource: history(id), status: 500 })),
    USER_ORDERS_ANSWERS.serverError,
  ),
  scenario(
    'a refused connection',
    'user123',
    refuses(),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'unavailable', resource: history(id) })),
    USER_ORDERS_ANSWERS.refused,
  ),
  scenario(
    '401 from the Order Service',
    'user123',
    answers(401, { error: 'Unauthorized' }),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'rejected', resource: history(id), status: 401 })),
    USER_ORDERS_ANSWERS.rejected,
  ),
  scenario(
    'no answer within the timeout',
    'user123',
    timesOut(),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'timeout', resource: history(id), timeoutMs: 50 })),
    USER_ORDERS_ANSWERS.timeout,
  ),
  scenario(
    'malformed JSON',
    'user123',
    answersMalformedJson(),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'bad-response', resource: history(id), reason: 'body is not valid JSON' })),
    USER_ORDERS_ANSWERS.badResponse,
  ),
  scenario(
    'an off-contract body (quantity as a string)',
    'user123',
    answers(200, [{ order_id: 'ord001', item: 'Laptop', quantity: '1' }]),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'bad-response', resource: history(id), reason: '0.quantity: expected number' })),
    USER_ORDERS_ANSWERS.badResponse,
  ),
  scenario(
    'an off-contract body (an unknown status)',
    'user123',
    answers(200, [{ ...DEMO_ORDERS[0], status: 'lost' }]),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'bad-response', resource: history(id), reason: '0.status: invalid option' })),
    USER_ORDERS_ANSWERS.badResponse,
  ),
  scenario(
    'an off-contract body (quantity missing)',
    'user123',
    answers(200, [{ order_id: 'ord001', item: 'Laptop' }]),
    (s, id) => s.failsWith(new OrderServiceError({ kind: 'bad-response', resource: history(id), reason: '0.quantity: expected number' })),
    USER_ORDERS_ANSWERS.badResponse,
  ),
];

/** An id that must travel as one encoded path segment, and the segment the Order Service must see. */
export const HOSTILE_USER_ID = 'a/../admin?x=1#f %';
export const HOSTILE_USER_ID_PATH = '/users/a%2F..%2Fadmin%3Fx%3D1%23f%20%25/orders';
/** The same id as the User Service receives it in its own URL. */
export const HOSTILE_USER_ID_REQUEST = `/users/${encodeURIComponent(HOSTILE_USER_ID)}/orders`;
