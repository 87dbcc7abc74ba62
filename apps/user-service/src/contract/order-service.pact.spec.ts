import { OrderClientModule, OrderServiceClient, OrderServiceNotFoundError, OrderServiceRejectedError } from '@boundary/order-client';
import { DEMO_ORDERS, DEMO_USER_ID, UNKNOWN_USER_ID, USER_WITHOUT_ORDERS_ID } from '@boundary/order-contract';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { Test } from '@nestjs/testing';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';

const { eachLike, integer, regex, string } = MatchersV3;

/**
 * Consumer contract: what the User Service (through the real OrderServiceClient) relies on from the Order
 * Service. Writes pacts/user-service-order-service.json, which the Order Service verifies (`nx verify order-service`).
 */
const pact = new PactV4({
  consumer: 'user-service',
  provider: 'order-service',
  dir: join(__dirname, '../../../../pacts'),
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

const JSON_CONTENT_TYPE = { 'Content-Type': regex('application/json(;.*)?', 'application/json; charset=utf-8') };
const ACCEPT_JSON = { Accept: 'application/json' };

/** The shape of one order, by type: the provider may return any values of these types. */
const anOrderLike = (example = DEMO_ORDERS[0]) => ({
  order_id: string(example.order_id),
  item: string(example.item),
  quantity: integer(example.quantity),
});

const errorBodyLike = (code: string) => ({ error: string('Unknown user'), code });

async function clientFor(baseUrl: string): Promise<OrderServiceClient> {
  const moduleRef = await Test.createTestingModule({
    imports: [OrderClientModule.forRoot({ baseUrl, timeoutMs: 5_000 })],
  }).compile();
  return moduleRef.get(OrderServiceClient);
}

describe('user-service → order-service contract (consumer)', () => {
  it('gets the orders of a user who has some', () =>
    pact
      .addInteraction()
      .given('user {userId} has {count} orders', { userId: DEMO_USER_ID, count: 2 })
      .uponReceiving('a request for the orders of a user who has some')
      .withRequest('GET', `/users/${DEMO_USER_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody(eachLike(anOrderLike(), 1)))
      .executeTest(async (server) => {
        const orders = await firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(DEMO_USER_ID));
        expect(orders).toEqual([DEMO_ORDERS[0]]);
      }));

  it('gets one page of a longer history, with the next page in a Link header', () =>
    pact
      .addInteraction()
      .given('user {userId} has {count} orders', { userId: DEMO_USER_ID, count: 3 })
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
      .addInteraction()
      .given('user {userId} has no orders', { userId: USER_WITHOUT_ORDERS_ID })
      .uponReceiving('a request for the orders of a user without orders')
      .withRequest('GET', `/users/${USER_WITHOUT_ORDERS_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody([]))
      .executeTest(async (server) => {
        const orders = await firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(USER_WITHOUT_ORDERS_ID));
        expect(orders).toEqual([]);
      }));

  it('gets 404 for a user the Order Service does not know', () =>
    pact
      .addInteraction()
      .given('user {userId} does not exist', { userId: UNKNOWN_USER_ID })
      .uponReceiving('a request for the orders of an unknown user')
      .withRequest('GET', `/users/${UNKNOWN_USER_ID}/orders`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(404, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody(errorBodyLike('USER_NOT_FOUND')),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).getUserOrdersFirstPage(UNKNOWN_USER_ID));
        await expect(call).rejects.toBeInstanceOf(OrderServiceNotFoundError);
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
        await expect(call).rejects.toMatchObject({ constructor: OrderServiceRejectedError, status: 400 });
      });
  });
});
