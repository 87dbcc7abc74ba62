import { InventoryClientModule, InventoryServiceClient, InventoryServiceError } from '@boundary/inventory-client';
import {
  DEMO_ITEM,
  INVENTORY_ERROR_CODES,
  INVENTORY_PROVIDER_STATES as STATES,
  UNKNOWN_ITEM_ID,
} from '@boundary/inventory-contract';
import { ACCEPT_JSON, consumerPact, JSON_CONTENT_TYPE, MatchersV3, nestClient } from '@boundary/testing/pact';
import { firstValueFrom } from 'rxjs';

const { integer, string } = MatchersV3;

/**
 * Consumer contract: what the Fulfilment Service (through the real InventoryServiceClient) relies on from the
 * Inventory Service. Writes pacts/fulfilment-service-inventory-service.json, which the provider verifies (`nx verify inventory-service`).
 */
const pact = consumerPact({ consumer: 'fulfilment-service', provider: 'inventory-service' });

const clientFor = (baseUrl: string) => nestClient(InventoryClientModule.forRoot({ baseUrl, timeoutMs: 5_000 }), InventoryServiceClient);

describe('fulfilment-service → inventory-service contract (consumer)', () => {
  // The Inventory Service's contract was written by hand before the generator: its states and fields are its own
  // (itemHasStock, `item` / `in_stock`), so this spec, generated as a starting point, names them.
  it('gets the stock of an item it ships', () =>
    pact
      .addInteraction(STATES.itemHasStock({ item: DEMO_ITEM.item, count: DEMO_ITEM.in_stock }))
      .uponReceiving('a request from fulfilment for the stock of an item')
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
      .uponReceiving('a request from fulfilment for an unknown item')
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

  // What it ships: the reservation an orders.placed event names.
  const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: DEMO_ITEM.item, quantity: 2 };
  const reservationState = { reservationId: RESERVATION.reservation_id, item: RESERVATION.item, quantity: RESERVATION.quantity };
  const shipRequest = (request: { headers: (headers: Record<string, string>) => unknown }) => void request.headers(ACCEPT_JSON);

  it('ships the units of a confirmed reservation', () =>
    pact
      .addInteraction(STATES.reservationIsConfirmed(reservationState))
      .uponReceiving('a shipment of a confirmed reservation')
      .withRequest('PUT', `/reservations/${RESERVATION.reservation_id}/shipment`, shipRequest)
      .willRespondWith(200, (response) => response.headers(JSON_CONTENT_TYPE).jsonBody({ ...RESERVATION, state: 'shipped' }))
      .executeTest(async (server) => {
        const shipped = await firstValueFrom((await clientFor(server.url)).ship(RESERVATION.reservation_id));
        expect(shipped).toEqual({ ...RESERVATION, state: 'shipped' });
      }));

  it('gets 409 RESERVATION_NOT_CONFIRMED for a reservation still held', () =>
    pact
      .addInteraction(STATES.reservationExists(reservationState))
      .uponReceiving('a shipment of a reservation not confirmed yet')
      .withRequest('PUT', `/reservations/${RESERVATION.reservation_id}/shipment`, shipRequest)
      .willRespondWith(409, (response) =>
        response
          .headers(JSON_CONTENT_TYPE)
          .jsonBody({ error: string('not confirmed'), code: INVENTORY_ERROR_CODES.reservationNotConfirmed }),
      )
      .executeTest(async (server) => {
        const call = firstValueFrom((await clientFor(server.url)).ship(RESERVATION.reservation_id));
        await expect(call).rejects.toMatchObject({
          constructor: InventoryServiceError,
          kind: 'rejected',
          status: 409,
          providerCode: 'RESERVATION_NOT_CONFIRMED',
        });
      }));
});
