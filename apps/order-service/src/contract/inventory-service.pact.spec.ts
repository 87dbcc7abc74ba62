import { InventoryClientModule, InventoryServiceClient, InventoryServiceError } from '@boundary/inventory-client';
import {
  DEMO_ITEM,
  INVENTORY_ERROR_CODES,
  INVENTORY_PROVIDER_STATES as STATES,
  UNKNOWN_ITEM_ID,
} from '@boundary/inventory-contract';
import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { ACCEPT_JSON, consumerPact, JSON_CONTENT_TYPE, MatchersV3, nestClient, type PactRequestBuilder } from '@boundary/testing/pact';
import { firstValueFrom } from 'rxjs';

const { integer, regex, string } = MatchersV3;

/**
 * Consumer contract: what the Order Service (through the real InventoryServiceClient) relies on from the
 * Inventory Service. Writes pacts/order-service-inventory-service.json, which the provider verifies (`nx verify inventory-service`).
 */
const pact = consumerPact({ consumer: 'order-service', provider: 'inventory-service' });

/** What the Order Service reserves for a new order: the order's item and quantity, under the order's key. */
const RESERVATION = { item: DEMO_ITEM.item, quantity: 2 };
const KEY = 'order-key-0001';
const RESERVATION_ID = 'res_00000000-0000-4000-8000-000000000001';
const reservationLike = { reservation_id: regex('^res_[0-9a-f-]{36}$', RESERVATION_ID), ...RESERVATION };
const reserveRequest =
  (body: object): PactRequestBuilder =>
  (request) => {
    request.headers({ ...ACCEPT_JSON, [IDEMPOTENCY_KEY_HEADER]: KEY }).jsonBody(body);
  };

const clientFor = (baseUrl: string) => nestClient(InventoryClientModule.forRoot({ baseUrl, timeoutMs: 5_000 }), InventoryServiceClient);

describe('order-service → inventory-service contract (consumer)', () => {
  it('gets the stock of an item', () =>
    pact
      .addInteraction(STATES.itemHasStock({ item: DEMO_ITEM.item, count: DEMO_ITEM.in_stock }))
      .uponReceiving('a request for the stock of an item')
      .withRequest('GET', `/items/${DEMO_ITEM.item}`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ item: DEMO_ITEM.item, in_stock: integer(DEMO_ITEM.in_stock) }),
      )
      .executeTest(async (server) => {
        const item = await firstValueFrom((await clientFor(server.url)).getItem(DEMO_ITEM.item));
        expect(item).toEqual(DEMO_ITEM);
      }));

  it('gets 404 with ITEM_NOT_FOUND for an item the Inventory Service does not stock', () =>
    pact
      .addInteraction(STATES.itemIsNotStocked({ item: UNKNOWN_ITEM_ID }))
      .uponReceiving('a request for an unknown item')
      .withRequest('GET', `/items/${UNKNOWN_ITEM_ID}`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(404, (response) =>
        response
          .headers(JSON_CONTENT_TYPE)
          .jsonBody({ error: string('Unknown item'), code: INVENTORY_ERROR_CODES.itemNotFound }),
      )
      .executeTest(async (server) => {
        const client = await clientFor(server.url);
        const error = await firstValueFrom(client.getItem(UNKNOWN_ITEM_ID)).catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(InventoryServiceError);
        expect(error).toMatchObject({ kind: 'not-found' });
      }));

  it('reserves an order’s units, sending the order’s Idempotency-Key', () =>
    pact
      .addInteraction(STATES.itemHasStock({ item: DEMO_ITEM.item, count: 5 }))
      .uponReceiving('a reservation for a new order')
      .withRequest('POST', '/reservations', reserveRequest(RESERVATION))
      .willRespondWith(201, (response) =>
        response
          .headers({ ...JSON_CONTENT_TYPE, Location: regex('^/reservations/res_[0-9a-f-]{36}$', `/reservations/${RESERVATION_ID}`) })
          .jsonBody(reservationLike),
      )
      .executeTest(async (server) => {
        const made = await firstValueFrom((await clientFor(server.url)).reserve(RESERVATION, { idempotencyKey: KEY }));
        expect(made).toEqual({ reservation: { reservation_id: RESERVATION_ID, ...RESERVATION }, created: true });
      }));

  it('gets the first reservation back, reserving nothing more, for a repeat of the key', () =>
    pact
      .addInteraction(STATES.reservationExists({ reservationId: RESERVATION_ID, ...RESERVATION, key: KEY }))
      .uponReceiving('a repeat of a reservation with the same key and body')
      .withRequest('POST', '/reservations', reserveRequest(RESERVATION))
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody(reservationLike))
      .executeTest(async (server) => {
        const made = await firstValueFrom((await clientFor(server.url)).reserve(RESERVATION, { idempotencyKey: KEY }));
        expect(made).toEqual({ reservation: { reservation_id: RESERVATION_ID, ...RESERVATION }, created: false });
      }));

  it.each([
    ['409 OUT_OF_STOCK for more than the stock holds', STATES.itemHasStock({ item: DEMO_ITEM.item, count: 1 }), RESERVATION, 409, INVENTORY_ERROR_CODES.outOfStock],
    ['422 UNKNOWN_ITEM for an item it does not stock', STATES.itemIsNotStocked({ item: UNKNOWN_ITEM_ID }), { item: UNKNOWN_ITEM_ID, quantity: 1 }, 422, INVENTORY_ERROR_CODES.unknownItem],
  ])('gets %s', (description, state, body, status, code) =>
    pact
      .addInteraction(state)
      .uponReceiving(`a reservation refused with ${status} ${code}`)
      .withRequest('POST', '/reservations', reserveRequest(body))
      .willRespondWith(status, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string(description), code }))
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).reserve(body, { idempotencyKey: KEY }));
        await expect(call).rejects.toMatchObject({ constructor: InventoryServiceError, kind: 'rejected', status, providerCode: code });
      }),
  );

  it('releases a reservation it could not use', () =>
    pact
      .addInteraction(STATES.reservationExists({ reservationId: RESERVATION_ID, ...RESERVATION, key: KEY }))
      .uponReceiving('a release of a reservation')
      .withRequest('DELETE', `/reservations/${RESERVATION_ID}`)
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(firstValueFrom((await clientFor(server.url)).release(RESERVATION_ID))).resolves.toBeUndefined();
      }));

  it('confirms the reservation of an order that has committed', () =>
    pact
      .addInteraction(STATES.reservationExists({ reservationId: RESERVATION_ID, ...RESERVATION, key: KEY }))
      .uponReceiving('a confirmation of a held reservation')
      .withRequest('PUT', `/reservations/${RESERVATION_ID}/confirmation`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ reservation_id: RESERVATION_ID, ...RESERVATION, state: 'confirmed' }),
      )
      .executeTest(async (server) => {
        const confirmed = await firstValueFrom((await clientFor(server.url)).confirm(RESERVATION_ID));
        expect(confirmed).toEqual({ reservation_id: RESERVATION_ID, ...RESERVATION, state: 'confirmed' });
      }));

  it('gets 409 HOLD_EXPIRED for a hold that expired unconfirmed when stock no longer allows', () =>
    pact
      .addInteraction(STATES.holdHasExpired({ reservationId: RESERVATION_ID, ...RESERVATION, count: 0 }))
      .uponReceiving('a confirmation of an expired hold with no stock left')
      .withRequest('PUT', `/reservations/${RESERVATION_ID}/confirmation`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(409, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ error: string('hold expired'), code: INVENTORY_ERROR_CODES.holdExpired }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).confirm(RESERVATION_ID));
        await expect(call).rejects.toMatchObject({ constructor: InventoryServiceError, kind: 'rejected', status: 409, providerCode: 'HOLD_EXPIRED' });
      }));
});
