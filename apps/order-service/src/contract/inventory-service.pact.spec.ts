import { InventoryClientModule, InventoryServiceClient, InventoryServiceError } from '@boundary/inventory-client';
import { DEMO_ITEM, UNKNOWN_ITEM_ID, INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';

const { regex, string } = MatchersV3;

const PACT_DIR = join(__dirname, '../../../../pacts');

/**
 * Consumer contract: what the Order Service (through the real InventoryServiceClient) relies on from the
 * Inventory Service. Writes pacts/order-service-inventory-service.json, which the provider verifies (`nx verify inventory-service`).
 */
const pact = new PactV4({
  consumer: 'order-service',
  provider: 'inventory-service',
  dir: PACT_DIR,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

const JSON_CONTENT_TYPE = { 'Content-Type': regex('application/json(;.*)?', 'application/json; charset=utf-8') };
const ACCEPT_JSON = { Accept: 'application/json' };

async function clientFor(baseUrl: string): Promise<InventoryServiceClient> {
  const moduleRef = await Test.createTestingModule({
    imports: [InventoryClientModule.forRoot({ baseUrl, timeoutMs: 5_000 })],
  }).compile();
  return moduleRef.get(InventoryServiceClient);
}

describe('order-service → inventory-service contract (consumer)', () => {
  // Pact merges into an existing file: start from none, so an interaction removed here leaves the pact too.
  beforeAll(() => rmSync(join(PACT_DIR, 'order-service-inventory-service.json'), { force: true }));

  it('gets a item that exists', () =>
    pact
      .addInteraction()
      .given('item {itemId} exists', { itemId: DEMO_ITEM.id })
      .uponReceiving('a request for a item that exists')
      .withRequest('GET', `/items/${DEMO_ITEM.id}`, (request) => request.headers(ACCEPT_JSON))
      .willRespondWith(200, (response) =>
        response.headers(JSON_CONTENT_TYPE).jsonBody({ id: string(DEMO_ITEM.id), name: string(DEMO_ITEM.name) }),
      )
      .executeTest(async (server) => {
        const item = await firstValueFrom((await clientFor(server.url)).getItem(DEMO_ITEM.id));
        expect(item).toEqual(DEMO_ITEM);
      }));

  it('gets 404 with ITEM_NOT_FOUND for a item the Inventory Service does not know', () =>
    pact
      .addInteraction()
      .given('item {itemId} does not exist', { itemId: UNKNOWN_ITEM_ID })
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
});
