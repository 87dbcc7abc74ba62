import { OrderClientModule, OrderServiceClient, OrderServiceError } from '@boundary/order-client';
import {
  DEMO_ORDERS,
  DEMO_USER_ID,
  ORDER_ROUTES,
  ORDER_PROVIDER_STATES as STATES,
  UNKNOWN_USER_ID,
  USER_WITHOUT_ORDERS_ID,
} from '@boundary/order-contract';
import { ACCEPT_JSON, consumerPact, JSON_CONTENT_TYPE, MatchersV3, nestClient } from '@boundary/testing/pact';
import { firstValueFrom } from 'rxjs';

const { eachLike, equal, integer, regex, string } = MatchersV3;

/**
 * Consumer contract: what the User Service (through the real OrderServiceClient) relies on from the Order
 * Service. Writes pacts/user-service-order-service.json, which the Order Service verifies (`nx verify order-service`).
 */
const pact = consumerPact({ consumer: 'user-service', provider: 'order-service' });

/** The shape of one order, by type: the provider may return any values of these types. */
const anOrderLike = (example = DEMO_ORDERS[0]) => ({
  order_id: string(example.order_id),
  item: string(example.item),
  quantity: integer(example.quantity),
});

const errorBodyLike = (code: string) => ({ error: string('Unknown user'), code });

/** A user whose only order was backordered. */
const BACKORDERED_USER_ID = 'user-with-backorder';
/** An order the Order Service does not have. */
const UNKNOWN_ORDER_ID = 'ord-unknown';
/** The order the User Service creates for its user, and the keys of a first and of a repeated creation. */
const NEW_ORDER = { user_id: DEMO_USER_ID, item: 'Laptop', quantity: 1 };
const NEW_KEY = 'key-new-0001';
const USED_KEY = 'key-used-0001';

/** A created order: the values sent, with an id of the provider's choosing. */
const createdOrderLike = (order: typeof NEW_ORDER) => ({ ...order, order_id: string('ord_1') });

/** The real client; `retry` is left at its default except where one answer must not be asked for twice. */
const clientFor = (baseUrl: string, retry?: { maxRetries: number }) =>
  nestClient(OrderClientModule.forRoot({ baseUrl, timeoutMs: 5_000, retry }), OrderServiceClient);

describe('user-service → order-service contract (consumer)', () => {
  it('gets the orders of a user who has some', () =>
    pact
      .addInteraction(STATES.userHasOrders({ userId: DEMO_USER_ID, count: 2 }))
      .uponReceiving('a request for the orders of a user who has some')
      .withRequest('GET', `/users/${DEMO_USER_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody(eachLike(anOrderLike(), 1)))
      .executeTest(async (server) => {
        const orders = await firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(DEMO_USER_ID));
        expect(orders).toEqual([DEMO_ORDERS[0]]);
      }));

  it('gets a backordered order with its status', () =>
    pact
      .addInteraction(STATES.userHasBackorderedOrder({ userId: BACKORDERED_USER_ID }))
      .uponReceiving('a request for the orders of a user with a backordered order')
      .withRequest('GET', `/users/${BACKORDERED_USER_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody(eachLike({ ...anOrderLike(), status: equal('backordered') }, 1)),
      )
      .executeTest(async (server) => {
        const orders = await firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(BACKORDERED_USER_ID));
        expect(orders).toEqual([{ ...DEMO_ORDERS[0], status: 'backordered' }]);
      }));

  it('gets one page of a longer history, with the next page in a Link header', () =>
    pact
      .addInteraction(STATES.userHasOrders({ userId: DEMO_USER_ID, count: 3 }))
      .uponReceiving('a request for the first page of a user’s orders')
      .withRequest('GET', `/users/${DEMO_USER_ID}/orders`, (request) =>
        request.query({ limit: '2' }).headers(ACCEPT_JSON),
      )
      .willRespondWith(200, (response) =>
        response
          .headers({
            ...JSON_CONTENT_TYPE,
            Link: regex(
              `^</users/${DEMO_USER_ID}/orders\\?limit=2&cursor=[A-Za-z0-9_-]+>; rel="next"$`,
              `</users/${DEMO_USER_ID}/orders?limit=2&cursor=b3JkMDAy>; rel="next"`,
            ),
          })
          .jsonBody(eachLike(anOrderLike(), 2)),
      )
      .executeTest(async (server) => {
        const page = await firstValueFrom((await clientFor(server.url)).getUserOrdersPage(DEMO_USER_ID, { limit: 2 }));
        expect(page).toEqual({ orders: [DEMO_ORDERS[0], DEMO_ORDERS[0]], nextCursor: 'b3JkMDAy' });
      }));

  it('gets an empty list for a known user without orders', () =>
    pact
      .addInteraction(STATES.userHasNoOrders({ userId: USER_WITHOUT_ORDERS_ID }))
      .uponReceiving('a request for the orders of a user without orders')
      .withRequest('GET', `/users/${USER_WITHOUT_ORDERS_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody([]))
      .executeTest(async (server) => {
        const orders = await firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(USER_WITHOUT_ORDERS_ID));
        expect(orders).toEqual([]);
      }));

  it('gets 404 for a user the Order Service does not know', () =>
    pact
      .addInteraction(STATES.userDoesNotExist({ userId: UNKNOWN_USER_ID }))
      .uponReceiving('a request for the orders of an unknown user')
      .withRequest('GET', `/users/${UNKNOWN_USER_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(404, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody(errorBodyLike('USER_NOT_FOUND')),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(UNKNOWN_USER_ID));
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'not-found' });
      }));

  it('gets 400 for an id the Order Service rejects (over 128 characters)', () => {
    const tooLong = 'x'.repeat(129);
    return pact
      .addInteraction()
      .uponReceiving('a request with an invalid user id')
      .withRequest('GET', `/users/${tooLong}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(400, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Invalid user id'), code: 'INVALID_USER_ID' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(tooLong));
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'rejected', status: 400 });
      });
  });

  it('gets 400 INVALID_CURSOR for a cursor the Order Service did not issue', () =>
    pact
      .addInteraction(STATES.userHasOrders({ userId: DEMO_USER_ID, count: 1 }))
      .uponReceiving('a request for a page with a cursor the Order Service did not issue')
      .withRequest('GET', `/users/${DEMO_USER_ID}/orders`, (request) => request.query({ cursor: 'forged' }).headers(ACCEPT_JSON))
      .willRespondWith(400, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Invalid cursor: not issued here'), code: 'INVALID_CURSOR' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).getUserOrdersPage(DEMO_USER_ID, { cursor: 'forged' }));
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'rejected', status: 400, providerCode: 'INVALID_CURSOR' });
      }));

  it('gets one order with its owner', () =>
    pact
      .addInteraction(STATES.orderOfUserExists({ orderId: DEMO_ORDERS[0].order_id, userId: DEMO_USER_ID }))
      .uponReceiving('a request for one order')
      .withRequest('GET', `/orders/${DEMO_ORDERS[0].order_id}`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ ...anOrderLike(), order_id: DEMO_ORDERS[0].order_id, user_id: DEMO_USER_ID }),
      )
      .executeTest(async (server) => {
        const order = await firstValueFrom((await clientFor(server.url)).getOrder(DEMO_ORDERS[0].order_id));
        expect(order).toEqual({ ...DEMO_ORDERS[0], user_id: DEMO_USER_ID });
      }));

  it('gets 404 ORDER_NOT_FOUND for an order the Order Service does not have', () =>
    pact
      .addInteraction(STATES.orderDoesNotExist({ orderId: UNKNOWN_ORDER_ID }))
      .uponReceiving('a request for an unknown order')
      .withRequest('GET', `/orders/${UNKNOWN_ORDER_ID}`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(404, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Unknown order'), code: 'ORDER_NOT_FOUND' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).getOrder(UNKNOWN_ORDER_ID));
        await expect(call).rejects.toMatchObject({
          constructor: OrderServiceError,
          kind: 'not-found',
          providerCode: 'ORDER_NOT_FOUND',
          resource: { path: ORDER_ROUTES.order, params: { orderId: UNKNOWN_ORDER_ID } },
        });
      }));

  it('creates an order, sending its Idempotency-Key', () =>
    pact
      .addInteraction(STATES.userHasNoOrders({ userId: DEMO_USER_ID }), STATES.itemHasStock({ item: NEW_ORDER.item, count: 5 }))
      .uponReceiving('a request to create an order')
      .withRequest('POST', '/orders', (request) =>
        request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': NEW_KEY }).jsonBody(NEW_ORDER),
      )
      .willRespondWith(201, (response) =>
        response
          .headers({ ...JSON_CONTENT_TYPE, Location: regex('^/orders/[^/]+$', '/orders/ord_1') })
          .jsonBody(createdOrderLike(NEW_ORDER)),
      )
      .executeTest(async (server) => {
        const created = await firstValueFrom((await clientFor(server.url)).createOrder(NEW_ORDER, { idempotencyKey: NEW_KEY }));
        expect(created).toEqual({ order: { ...NEW_ORDER, order_id: 'ord_1', status: 'placed' }, created: true });
      }));

  it('gets the first order back, not a second one, for a repeat with the same Idempotency-Key', () =>
    pact
      .addInteraction(STATES.orderCreatedWithKey({ key: USED_KEY, ...NEW_ORDER }))
      .uponReceiving('a repeat of an order creation with the same key and body')
      .withRequest('POST', '/orders', (request) =>
        request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': USED_KEY }).jsonBody(NEW_ORDER),
      )
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody(createdOrderLike(NEW_ORDER)))
      .executeTest(async (server) => {
        const repeat = await firstValueFrom((await clientFor(server.url)).createOrder(NEW_ORDER, { idempotencyKey: USED_KEY }));
        expect(repeat).toEqual({ order: { ...NEW_ORDER, order_id: 'ord_1', status: 'placed' }, created: false });
      }));

  it('gets 409 IDEMPOTENCY_KEY_REUSED for a key used before with another body', () => {
    const other = { ...NEW_ORDER, item: 'Mouse' };
    return pact
      .addInteraction(STATES.orderCreatedWithKey({ key: USED_KEY, ...NEW_ORDER }))
      .uponReceiving('an order creation reusing a key for another body')
      .withRequest('POST', '/orders', (request) => request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': USED_KEY }).jsonBody(other))
      .willRespondWith(409, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Idempotency-Key reused'), code: 'IDEMPOTENCY_KEY_REUSED' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).createOrder(other, { idempotencyKey: USED_KEY }));
        await expect(call).rejects.toMatchObject({
          constructor: OrderServiceError,
          kind: 'rejected',
          status: 409,
          providerCode: 'IDEMPOTENCY_KEY_REUSED',
        });
      });
  });

  it('gets 409 OUT_OF_STOCK for an order of more than the inventory holds', () =>
    pact
      .addInteraction(STATES.userHasNoOrders({ userId: DEMO_USER_ID }), STATES.itemHasStock({ item: NEW_ORDER.item, count: 0 }))
      .uponReceiving('an order for an item out of stock')
      .withRequest('POST', '/orders', (request) => request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': NEW_KEY }).jsonBody(NEW_ORDER))
      .willRespondWith(409, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Out of stock'), code: 'OUT_OF_STOCK' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).createOrder(NEW_ORDER, { idempotencyKey: NEW_KEY }));
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'rejected', status: 409, providerCode: 'OUT_OF_STOCK' });
      }));

  it('gets 422 UNKNOWN_ITEM for an item the inventory does not know', () => {
    const unknown = { ...NEW_ORDER, item: 'Hoverboard' };
    return pact
      .addInteraction(STATES.userHasNoOrders({ userId: DEMO_USER_ID }), STATES.itemIsNotStocked({ item: unknown.item }))
      .uponReceiving('an order for an unknown item')
      .withRequest('POST', '/orders', (request) => request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': NEW_KEY }).jsonBody(unknown))
      .willRespondWith(422, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Unknown item'), code: 'UNKNOWN_ITEM' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).createOrder(unknown, { idempotencyKey: NEW_KEY }));
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'rejected', status: 422, providerCode: 'UNKNOWN_ITEM' });
      });
  });

  it('gets 503 INVENTORY_UNAVAILABLE while the Order Service cannot reach its inventory', () =>
    pact
      .addInteraction(STATES.userHasNoOrders({ userId: DEMO_USER_ID }), STATES.inventoryIsUnavailable())
      .uponReceiving('an order while the inventory is unavailable')
      .withRequest('POST', '/orders', (request) => request.headers({ ...ACCEPT_JSON, 'Idempotency-Key': NEW_KEY }).jsonBody(NEW_ORDER))
      .willRespondWith(503, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('Inventory unavailable'), code: 'INVENTORY_UNAVAILABLE' }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url, { maxRetries: 0 })).createOrder(NEW_ORDER, { idempotencyKey: NEW_KEY }));
        await expect(call).rejects.toMatchObject({ status: 503, providerCode: 'INVENTORY_UNAVAILABLE' });
      }));
});
