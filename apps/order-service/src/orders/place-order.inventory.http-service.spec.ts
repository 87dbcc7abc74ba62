import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { answers, HttpServiceDouble, refuses } from '@boundary/testing';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const INVENTORY = 'http://inventory.test:5002';
const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: 'Lamp', quantity: 2 };

/** `POST /orders` with the real `InventoryServiceClient` over an `HttpService` double: the requests it sends, the answers it maps. */
describe('Order Service POST /orders and the inventory (HttpService overridden)', () => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;
  let http: HttpServiceDouble;

  beforeEach(async () => {
    testDatabase = await TEST_BACKENDS[0].create();
    http = new HttpServiceDouble(INVENTORY);
    service = await startOrderServiceTestApp(testDatabase.options(), {
      inventory: 'real',
      inventoryClient: { baseUrl: INVENTORY, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } },
      httpService: http,
    });
  });
  afterEach(async () => {
    await service?.app.close();
    await testDatabase?.drop();
    http.verifyAllUsed();
  });

  const post = (body: object) => service.http().post('/orders').set(IDEMPOTENCY_KEY_HEADER, 'order-key-1').send(body);

  it('POSTs the reservation with the order’s key, then answers 201 with the order', async () => {
    http.on('POST', '/reservations', answers(201, RESERVATION), { headers: { [IDEMPOTENCY_KEY_HEADER]: 'order-key-1' } });
    await post({ user_id: 'u1', item: 'Lamp', quantity: 2 }).expect(201);
    expect(http.requests.map((request) => request.body)).toEqual([{ item: 'Lamp', quantity: 2 }]);
  });

  it('answers the inventory’s 409 OUT_OF_STOCK as its own, writing nothing', async () => {
    http.on('POST', '/reservations', answers(409, { error: 'Not enough', code: 'OUT_OF_STOCK' }));
    await post({ user_id: 'u2', item: 'Lamp', quantity: 2 }).expect(409, { error: 'Not enough of this item in stock', code: 'OUT_OF_STOCK' });
    await service.get('/users/u2/orders').expect(404);
  });

  it('retries a refused connection with the same key, then answers 503 INVENTORY_UNAVAILABLE, writing nothing', async () => {
    http.on('POST', '/reservations', refuses());
    const response = await post({ user_id: 'u3', item: 'Lamp', quantity: 2 }).expect(503);
    expect(response.body).toMatchObject({ code: 'INVENTORY_UNAVAILABLE' });
    expect(http.requests.map((request) => request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()])).toEqual(['order-key-1', 'order-key-1']);
    await service.get('/users/u3/orders').expect(404);
  });
});
