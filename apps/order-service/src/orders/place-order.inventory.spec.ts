import { InventoryServiceError } from '@boundary/inventory-client';
import { INVENTORY_SERVICE_CALLS, refusedReservation } from '@boundary/inventory-client/testing';
import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/** The call every failure below belongs to. */
const RESERVE = INVENTORY_SERVICE_CALLS.reserve();

/**
 * `POST /orders` and the Inventory Service, the whole `InventoryServiceClient` overridden by its strict stub: what
 * the Order Service does with each answer of its provider, without the inventory running.
 */
describe('Order Service POST /orders reserves with the inventory first (InventoryServiceClient stubbed)', () => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create();
    service = await startOrderServiceTestApp(testDatabase.options());
  });
  afterEach(() => service.inventory.reset());
  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  const post = (body: object, key?: string) => {
    const test = service.http().post('/orders');
    if (key !== undefined) test.set(IDEMPOTENCY_KEY_HEADER, key);
    return test.send(body);
  };
  const historyOf = async (userId: string) => (await service.get(`/users/${userId}/orders`)).status;

  it('reserves the order’s item and quantity under the order’s Idempotency-Key, then writes it', async () => {
    service.inventory.stocks('Lamp', 5);
    await post({ user_id: 'u-reserve', item: 'Lamp', quantity: 2 }, 'order-key-1').expect(201);
    expect(service.inventory.history).toEqual([
      { method: 'reserve', key: 'Lamp', args: [{ item: 'Lamp', quantity: 2 }, { idempotencyKey: 'order-key-1' }] },
    ]);
    expect(service.inventory.unitsLeft('Lamp')).toBe(3);
  });

  it('sends a key of its own when the caller sent none, so the reservation can still be retried safely', async () => {
    service.inventory.stocks('Lamp', 5);
    await post({ user_id: 'u-nokey', item: 'Lamp', quantity: 1 }).expect(201);
    const [, options] = service.inventory.history[0].args as [unknown, { idempotencyKey: string }];
    expect(options.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a repeat of a written order without calling the inventory', async () => {
    service.inventory.stocks('Lamp', 5);
    const body = { user_id: 'u-repeat', item: 'Lamp', quantity: 1 };
    const first = await post(body, 'order-key-repeat').expect(201);
    await post(body, 'order-key-repeat').expect(200, first.body);
    await post({ ...body, quantity: 2 }, 'order-key-repeat').expect(409);
    expect(service.inventory.reservedItems).toEqual(['Lamp']);
  });

  it.each([
    ['409 OUT_OF_STOCK when the inventory has too few', refusedReservation(409, 'OUT_OF_STOCK'), 409, 'OUT_OF_STOCK'],
    ['422 UNKNOWN_ITEM for an item the inventory does not stock', refusedReservation(422, 'UNKNOWN_ITEM'), 422, 'UNKNOWN_ITEM'],
    ['409 IDEMPOTENCY_KEY_REUSED when the inventory saw the key for another reservation', refusedReservation(409, 'IDEMPOTENCY_KEY_REUSED'), 409, 'IDEMPOTENCY_KEY_REUSED'],
    ['503 INVENTORY_UNAVAILABLE when the inventory is unreachable', new InventoryServiceError({ kind: 'unavailable', resource: RESERVE }), 503, 'INVENTORY_UNAVAILABLE'],
    ['503 INVENTORY_UNAVAILABLE when it answers 5xx', new InventoryServiceError({ kind: 'unavailable', resource: RESERVE, status: 500 }), 503, 'INVENTORY_UNAVAILABLE'],
    ['503 INVENTORY_UNAVAILABLE past its deadline', new InventoryServiceError({ kind: 'timeout', resource: RESERVE, timeoutMs: 2000 }), 503, 'INVENTORY_UNAVAILABLE'],
    ['503 INVENTORY_UNAVAILABLE while its circuit is open', new InventoryServiceError({ kind: 'circuit-open', resource: RESERVE, retryAfterMs: 1000 }), 503, 'INVENTORY_UNAVAILABLE'],
    ['503 INVENTORY_UNAVAILABLE for an off-contract answer', new InventoryServiceError({ kind: 'bad-response', resource: RESERVE, reason: 'off-contract' }), 503, 'INVENTORY_UNAVAILABLE'],
    ['503 INVENTORY_UNAVAILABLE when it refuses our token', new InventoryServiceError({ kind: 'rejected', resource: RESERVE, status: 401 }), 503, 'INVENTORY_UNAVAILABLE'],
  ])('answers %s, writing nothing', async (_outcome, failure, status, code) => {
    service.inventory.forReservation('Globe').failsWith(failure);
    const response = await post({ user_id: `u-${code}-${status}`, item: 'Globe', quantity: 1 }, `key-${code}-${status}`).expect(status);
    expect(response.body).toEqual({ error: expect.any(String), code });
    expect(await historyOf(`u-${code}-${status}`)).toBe(404);
    expect(service.inventory.releasedReservations).toEqual([]);
  });

  it('never calls the inventory to read', async () => {
    await service.get('/users/u-reserve/orders').expect(200);
    await service.get('/orders/ord-none').expect(404);
    expect(service.inventory.history).toEqual([]);
  });
});
