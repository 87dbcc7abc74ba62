import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ITEM, UNKNOWN_ITEM_ID } from '@boundary/inventory-contract';
import { answers, HttpServiceDouble, refuses } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { InventoryServiceError } from './errors/inventory-service.error';
import { InventoryClientModule } from './inventory-client.module';
import { InventoryServiceClient } from './inventory-service.client';

const ORIGIN = 'http://inventory.test:5002';

/** A client over an `HttpService` double, without retries: each test is about mapping one answer. */
async function clientOver(http: HttpServiceDouble): Promise<InventoryServiceClient> {
  const moduleRef = await Test.createTestingModule({
    imports: [InventoryClientModule.forRoot({ baseUrl: ORIGIN, timeoutMs: 200, retry: { maxRetries: 0 } })],
  })
    .overrideProvider(HttpService)
    .useValue(http)
    .compile();
  return moduleRef.get(InventoryServiceClient);
}

describe('InventoryServiceClient.getItem (HttpService overridden)', () => {
  let http: HttpServiceDouble;
  let client: InventoryServiceClient;

  beforeEach(async () => {
    http = new HttpServiceDouble(ORIGIN);
    client = await clientOver(http);
  });
  afterEach(() => http.verifyAllUsed());

  const path = (id: string) => `/items/${encodeURIComponent(id)}`;
  const getItem = (id: string) => firstValueFrom(client.getItem(id));

  it('sends one GET with Accept: application/json and emits the item, unknown fields stripped', async () => {
    http.on('GET', path(DEMO_ITEM.id), answers(200, { ...DEMO_ITEM, added: true }), {
      headers: { Accept: 'application/json' },
    });
    await expect(getItem(DEMO_ITEM.id)).resolves.toEqual(DEMO_ITEM);
    expect(http.requests).toHaveLength(1);
  });

  it('encodes the id as one path segment', async () => {
    http.on('GET', '/items/a%2Fb', answers(200, { ...DEMO_ITEM, id: 'a/b' }));
    await expect(getItem('a/b')).resolves.toEqual({ ...DEMO_ITEM, id: 'a/b' });
  });

  it.each([
    ['404', answers(404, { error: 'Unknown item', code: 'ITEM_NOT_FOUND' }), 'not-found', 'INVENTORY_SERVICE_NOT_FOUND'],
    ['503', answers(503, { error: 'down' }), 'unavailable', 'INVENTORY_SERVICE_UNAVAILABLE'],
    ['a refused connection', refuses(), 'unavailable', 'INVENTORY_SERVICE_UNAVAILABLE'],
    ['401', answers(401, { error: 'Missing or invalid service token' }), 'rejected', 'INVENTORY_SERVICE_REJECTED'],
    ['an off-contract body', answers(200, { id: DEMO_ITEM.id }), 'bad-response', 'INVENTORY_SERVICE_BAD_RESPONSE'],
  ])('fails on %s with a InventoryServiceError of that kind, naming the call', async (_case, answer, kind, code) => {
    http.on('GET', path(UNKNOWN_ITEM_ID), answer);
    const error = await getItem(UNKNOWN_ITEM_ID).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InventoryServiceError);
    expect(error).toMatchObject({ kind, code });
    expect((error as Error).message).toContain(`GET /items/{itemId} (itemId "${UNKNOWN_ITEM_ID}")`);
  });
});
