import { OrderServiceError } from '@boundary/order-client';
import { ORDER_SERVICE_CALLS, type OrderServiceClientStub } from '@boundary/order-client/testing';
import { answers, type HttpAnswer } from '@boundary/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import type { TestRequest, TestResponse, UserServiceTestApp } from '../user-service.test-app';

const [FIRST, SECOND] = DEMO_ORDERS;
const detail = (order: typeof FIRST, userId = 'user123') => ({ ...order, user_id: userId });
const NEW_ORDER = { item: FIRST.item, quantity: FIRST.quantity };

/** The request the User Service receives in a scenario. */
export interface UserOrderRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The one request the User Service must then send the Order Service. */
export interface OrderServiceRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One outcome of the routes beyond the history's first page, arranged both ways as in `user-orders.scenarios.ts`:
 * `upstream` is the Order Service's answer to `sent` (played by the `HttpService` double or by nock), `client` is
 * what `OrderServiceClient` then emits (scripted on its stub).
 */
export interface UserOrderScenario {
  outcome: string;
  request: UserOrderRequest;
  sent: OrderServiceRequest;
  upstream: HttpAnswer;
  client: (stub: OrderServiceClientStub) => void;
  expected: { status: number; body: unknown; headers?: Record<string, string> };
}

const KEY = { 'Idempotency-Key': 'key-0001' };
const created = (status: 200 | 201): Pick<UserOrderScenario, 'request' | 'sent' | 'upstream' | 'client' | 'expected'> => ({
  request: { method: 'POST', path: '/users/user123/orders', body: NEW_ORDER, headers: KEY },
  sent: { method: 'POST', path: '/orders', body: { user_id: 'user123', ...NEW_ORDER }, headers: KEY },
  upstream: answers(status, detail(FIRST), { Location: `/orders/${FIRST.order_id}` }),
  client: (stub) => stub.forNewOrder('user123').returns({ order: detail(FIRST), created: status === 201 }),
  expected: {
    status,
    body: { user_id: 'user123', order: FIRST },
    headers: { location: `/users/user123/orders/${FIRST.order_id}` },
  },
});

/** Every outcome of pages, one order and new orders that the User Service documents, for `it.each`. */
export const USER_ORDER_SCENARIOS: readonly UserOrderScenario[] = [
  {
    outcome: 'a page with more after it, linking to its own next page',
    request: { method: 'GET', path: '/users/user123/orders?limit=1' },
    sent: { method: 'GET', path: '/users/user123/orders', query: { limit: '1' } },
    upstream: answers(200, [FIRST], { Link: '</users/user123/orders?limit=1&cursor=b3JkMDAx>; rel="next"' }),
    client: (stub) => stub.forPage('user123', { limit: 1 }).returns({ orders: [FIRST], nextCursor: 'b3JkMDAx' }),
    expected: {
      status: 200,
      body: { user_id: 'user123', orders: [FIRST] },
      headers: { link: '</users/user123/orders?limit=1&cursor=b3JkMDAx>; rel="next"' },
    },
  },
  {
    outcome: 'the last page (no Link)',
    request: { method: 'GET', path: '/users/user123/orders?limit=1&cursor=b3JkMDAx' },
    sent: { method: 'GET', path: '/users/user123/orders', query: { limit: '1', cursor: 'b3JkMDAx' } },
    upstream: answers(200, [SECOND]),
    client: (stub) => stub.forPage('user123', { limit: 1, cursor: 'b3JkMDAx' }).returns({ orders: [SECOND] }),
    expected: { status: 200, body: { user_id: 'user123', orders: [SECOND] } },
  },
  {
    outcome: 'a cursor the Order Service refuses, as 400 INVALID_CURSOR',
    request: { method: 'GET', path: '/users/user123/orders?cursor=forged' },
    sent: { method: 'GET', path: '/users/user123/orders', query: { cursor: 'forged' } },
    upstream: answers(400, { error: 'Invalid cursor: not issued here', code: 'INVALID_CURSOR' }),
    client: (stub) =>
      stub
        .forPage('user123', { cursor: 'forged' })
        .failsWith(
          new OrderServiceError({
            kind: 'rejected',
            resource: ORDER_SERVICE_CALLS.userOrders('user123'),
            status: 400,
            providerCode: 'INVALID_CURSOR',
          }),
        ),
    expected: {
      status: 400,
      body: { error: 'Invalid cursor: not one this history issued', code: 'INVALID_CURSOR', user_id: 'user123' },
    },
  },
  {
    outcome: 'one order of the user',
    request: { method: 'GET', path: `/users/user123/orders/${FIRST.order_id}` },
    sent: { method: 'GET', path: `/orders/${FIRST.order_id}` },
    upstream: answers(200, detail(FIRST)),
    client: (stub) => stub.forOrder(FIRST.order_id).returns(detail(FIRST)),
    expected: { status: 200, body: { user_id: 'user123', order: FIRST } },
  },
  {
    outcome: 'an order of another user, as 404 ORDER_NOT_FOUND',
    request: { method: 'GET', path: `/users/user123/orders/${SECOND.order_id}` },
    sent: { method: 'GET', path: `/orders/${SECOND.order_id}` },
    upstream: answers(200, detail(SECOND, 'user456')),
    client: (stub) => stub.forOrder(SECOND.order_id).returns(detail(SECOND, 'user456')),
    expected: { status: 404, body: { error: 'Order not found', code: 'ORDER_NOT_FOUND', user_id: 'user123' } },
  },
  {
    outcome: 'an unknown order, as 404 ORDER_NOT_FOUND',
    request: { method: 'GET', path: '/users/user123/orders/ord404' },
    sent: { method: 'GET', path: '/orders/ord404' },
    upstream: answers(404, { error: 'Unknown order', code: 'ORDER_NOT_FOUND' }),
    client: (stub) =>
      stub
        .forOrder('ord404')
        .failsWith(
          new OrderServiceError({
            kind: 'not-found',
            resource: ORDER_SERVICE_CALLS.order('ord404'),
            status: 404,
            providerCode: 'ORDER_NOT_FOUND',
          }),
        ),
    expected: { status: 404, body: { error: 'Order not found', code: 'ORDER_NOT_FOUND', user_id: 'user123' } },
  },
  { outcome: 'a created order, as 201 with its Location', ...created(201) },
  { outcome: 'a repeat with the same Idempotency-Key, as 200 with the first order', ...created(200) },
  {
    outcome: 'an Idempotency-Key used for another body, as 409',
    request: { method: 'POST', path: '/users/user123/orders', body: NEW_ORDER, headers: KEY },
    sent: { method: 'POST', path: '/orders', body: { user_id: 'user123', ...NEW_ORDER }, headers: KEY },
    upstream: answers(409, { error: 'Idempotency-Key reused', code: 'IDEMPOTENCY_KEY_REUSED' }),
    client: (stub) =>
      stub.forNewOrder('user123').failsWith(newOrderRefused({ kind: 'rejected', status: 409, providerCode: 'IDEMPOTENCY_KEY_REUSED' })),
    expected: {
      status: 409,
      body: { error: 'Idempotency-Key was used before for another order', code: 'IDEMPOTENCY_KEY_REUSED', user_id: 'user123' },
    },
  },
  refusedByInventory(409, 'OUT_OF_STOCK', 'Not enough of this item in stock'),
  refusedByInventory(422, 'UNKNOWN_ITEM', 'No such item in the inventory'),
  {
    outcome: 'the Order Service without its inventory, as 503 INVENTORY_UNAVAILABLE',
    request: { method: 'POST', path: '/users/user123/orders', body: NEW_ORDER, headers: KEY },
    sent: { method: 'POST', path: '/orders', body: { user_id: 'user123', ...NEW_ORDER }, headers: KEY },
    upstream: answers(503, { error: 'Inventory unavailable', code: 'INVENTORY_UNAVAILABLE' }),
    client: (stub) =>
      stub
        .forNewOrder('user123')
        .failsWith(newOrderRefused({ kind: 'unavailable', status: 503, providerCode: 'INVENTORY_UNAVAILABLE' })),
    expected: {
      status: 503,
      body: { error: 'Orders cannot be placed now: the inventory is unavailable', code: 'INVENTORY_UNAVAILABLE', user_id: 'user123' },
    },
  },
];

/** A new order the Order Service refused because the inventory did (`OUT_OF_STOCK`, `UNKNOWN_ITEM`): the caller's answer. */
function refusedByInventory(status: 409 | 422, code: string, error: string): UserOrderScenario {
  return {
    outcome: `an order the inventory refuses, as ${status} ${code}`,
    request: { method: 'POST', path: '/users/user123/orders', body: NEW_ORDER, headers: KEY },
    sent: { method: 'POST', path: '/orders', body: { user_id: 'user123', ...NEW_ORDER }, headers: KEY },
    upstream: answers(status, { error: 'refused by the inventory', code }),
    client: (stub) => stub.forNewOrder('user123').failsWith(newOrderRefused({ kind: 'rejected', status, providerCode: code })),
    expected: { status, body: { error, code, user_id: 'user123' } },
  };
}

/** The error `createOrder` fails with when the Order Service answers `status` with the error body's `providerCode`. */
function newOrderRefused({
  kind,
  status,
  providerCode,
}: {
  kind: 'rejected' | 'unavailable';
  status: number;
  providerCode: string;
}): OrderServiceError {
  return new OrderServiceError({ kind, resource: ORDER_SERVICE_CALLS.createOrder(), status, providerCode });
}

/** Sends a scenario's request to the app under test. */
export function sendTo(app: Pick<UserServiceTestApp, 'get' | 'post'>, { method, path, body, headers = {} }: UserOrderRequest): TestRequest {
  const request = method === 'GET' ? app.get(path) : app.post(path, body);
  for (const [name, value] of Object.entries(headers)) request.set(name, value);
  return request;
}

/** What a scenario's `expected` compares: status, body, and the headers it names. */
export function answerOf(response: TestResponse, expected: UserOrderScenario['expected']): UserOrderScenario['expected'] {
  const headers = Object.fromEntries(Object.keys(expected.headers ?? {}).map((name) => [name, String(response.headers[name])]));
  return expected.headers === undefined ? { status: response.status, body: response.body } : { status: response.status, body: response.body, headers };
}
