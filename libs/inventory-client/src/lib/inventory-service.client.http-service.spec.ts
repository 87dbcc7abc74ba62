import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ITEM, UNKNOWN_ITEM_ID } from '@boundary/inventory-contract';
import { answers, HttpServiceDouble, refuses } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { InventoryServiceError } from './errors/inventory-service.error';
import { refusedReservation } from '../testing/refused-reservation';
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
    http.on('GET', path(DEMO_ITEM.item), answers(200, { ...DEMO_ITEM, added: true }), {
      headers: { Accept: 'application/json' },
    });
    await expect(getItem(DEMO_ITEM.item)).resolves.toEqual(DEMO_ITEM);
    expect(http.requests).toHaveLength(1);
  });

  it('encodes the item as one path segment', async () => {
    http.on('GET', '/items/a%2Fb', answers(200, { ...DEMO_ITEM, item: 'a/b' }));
    await expect(getItem('a/b')).resolves.toEqual({ ...DEMO_ITEM, item: 'a/b' });
  });

  it.each([
    ['404', answers(404, { error: 'Unknown item', code: 'ITEM_NOT_FOUND' }), 'not-found', 'INVENTORY_SERVICE_NOT_FOUND'],
    ['503', answers(503, { error: 'down' }), 'unavailable', 'INVENTORY_SERVICE_UNAVAILABLE'],
    ['a refused connection', refuses(), 'unavailable', 'INVENTORY_SERVICE_UNAVAILABLE'],
    ['401', answers(401, { error: 'Missing or invalid service token' }), 'rejected', 'INVENTORY_SERVICE_REJECTED'],
    ['an off-contract body', answers(200, { item: DEMO_ITEM.item, in_stock: -1 }), 'bad-response', 'INVENTORY_SERVICE_BAD_RESPONSE'],
  ])('fails on %s with a InventoryServiceError of that kind, naming the call', async (_case, answer, kind, code) => {
    http.on('GET', path(UNKNOWN_ITEM_ID), answer);
    const error = await getItem(UNKNOWN_ITEM_ID).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InventoryServiceError);
    expect(error).toMatchObject({ kind, code });
    expect((error as Error).message).toContain(`GET /items/{itemId} (itemId "${UNKNOWN_ITEM_ID}")`);
  });
});

describe('InventoryServiceClient reservations (HttpService overridden)', () => {
  let http: HttpServiceDouble;
  let client: InventoryServiceClient;
  const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: 'Laptop', quantity: 2 };

  beforeEach(async () => {
    http = new HttpServiceDouble(ORIGIN);
    client = await clientOver(http);
  });
  afterEach(() => http.verifyAllUsed());

  const reserve = () => firstValueFrom(client.reserve({ item: 'Laptop', quantity: 2 }, { idempotencyKey: 'key-1' }));

  it('POSTs the reservation with its Idempotency-Key and emits it as made on a 201', async () => {
    http.on('POST', '/reservations', answers(201, RESERVATION), { headers: { 'Idempotency-Key': 'key-1' } });
    await expect(reserve()).resolves.toEqual({ reservation: RESERVATION, created: true });
    expect(http.requests[0].body).toEqual({ item: 'Laptop', quantity: 2 });
  });

  it('emits a repeat answered 200 as not made by this call', async () => {
    http.on('POST', '/reservations', answers(200, RESERVATION));
    await expect(reserve()).resolves.toEqual({ reservation: RESERVATION, created: false });
  });

  it.each<[409 | 422, string]>([
    [409, 'OUT_OF_STOCK'],
    [422, 'UNKNOWN_ITEM'],
    [409, 'IDEMPOTENCY_KEY_REUSED'],
  ])('fails on %i %s with a rejected InventoryServiceError carrying the provider’s code', async (status, code) => {
    http.on('POST', '/reservations', answers(status, { error: 'refused', code }));
    const error = await reserve().catch((failure: unknown) => failure);
    expect(error).toMatchObject({ constructor: InventoryServiceError, kind: 'rejected', status, providerCode: code });
    // The stub's refusal is the one the real client fails with, field for field.
    expect(error).toMatchObject({ ...refusedReservation(status, code) });
  });

  it('fails on a 503 as unavailable, with no providerCode when the body has none', async () => {
    http.on('POST', '/reservations', answers(503, 'Service Unavailable'));
    const error = await reserve().catch((failure: unknown) => failure);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(error).not.toHaveProperty('providerCode');
  });

  it('releases with one DELETE of the reservation, emitting once on a 204', async () => {
    http.on('DELETE', `/reservations/${RESERVATION.reservation_id}`, answers(204, ''));
    await expect(firstValueFrom(client.release(RESERVATION.reservation_id))).resolves.toBeUndefined();
    expect(http.requests).toHaveLength(1);
  });

  it('fails a release of a reservation released before as not-found, with its code', async () => {
    http.on('DELETE', `/reservations/${RESERVATION.reservation_id}`, answers(404, { error: 'gone', code: 'RESERVATION_RELEASED' }));
    await expect(firstValueFrom(client.release(RESERVATION.reservation_id))).rejects.toMatchObject({
      kind: 'not-found',
      providerCode: 'RESERVATION_RELEASED',
    });
  });
});

describe('InventoryServiceClient reservation lifecycle (HttpService overridden)', () => {
  let http: HttpServiceDouble;
  let client: InventoryServiceClient;
  const ID = 'res_00000000-0000-4000-8000-000000000001';
  const status = (state: string) => ({ reservation_id: ID, item: 'Laptop', quantity: 2, state });

  beforeEach(async () => {
    http = new HttpServiceDouble(ORIGIN);
    client = await clientOver(http);
  });
  afterEach(() => http.verifyAllUsed());

  it('confirms with one PUT of the reservation’s confirmation, emitting its state', async () => {
    http.on('PUT', `/reservations/${ID}/confirmation`, answers(200, status('confirmed')));
    await expect(firstValueFrom(client.confirm(ID))).resolves.toEqual(status('confirmed'));
    expect(http.requests).toHaveLength(1);
  });

  it('ships with one PUT of the reservation’s shipment, emitting its state', async () => {
    http.on('PUT', `/reservations/${ID}/shipment`, answers(200, status('shipped')));
    await expect(firstValueFrom(client.ship(ID))).resolves.toEqual(status('shipped'));
  });

  it.each([
    ['confirm', 'HOLD_EXPIRED', 'confirmation'],
    ['ship', 'RESERVATION_NOT_CONFIRMED', 'shipment'],
  ] as const)('fails %s on 409 %s as rejected with the provider’s code, naming the call', async (method, code, step) => {
    http.on('PUT', `/reservations/${ID}/${step}`, answers(409, { error: 'refused', code }));
    const error = await firstValueFrom(client[method](ID)).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ constructor: InventoryServiceError, kind: 'rejected', status: 409, providerCode: code });
    expect((error as Error).message).toContain(`PUT /reservations/{reservationId}/${step} (reservationId "${ID}")`);
  });

  it('fails on an off-contract state as bad-response', async () => {
    http.on('PUT', `/reservations/${ID}/shipment`, answers(200, status('lost')));
    await expect(firstValueFrom(client.ship(ID))).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
