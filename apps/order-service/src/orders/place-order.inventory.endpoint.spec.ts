import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { answers, HttpInterception, replyWith } from '@boundary/testing';
import nock from 'nock';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const INVENTORY = 'http://inventory.test:5002';
const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: 'Lamp', quantity: 2 };

/** `POST /orders` through the real HTTP stack (axios, agents, policies), the inventory's answers played by nock. */
describe('Order Service POST /orders and the inventory — real endpoint, HTTP intercepted by nock', () => {
  const interception = new HttpInterception();
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create();
    service = await startOrderServiceTestApp(testDatabase.options(), {
      inventory: 'real',
      inventoryClient: { baseUrl: INVENTORY, retry: { maxRetries: 0 } },
    });
  });
  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });
  beforeEach(() => interception.start());
  afterEach(() => interception.verify());

  // One key per order: each test's user_id names it.
  const inventory = (key: string, body: nock.DataMatcherMap) =>
    nock(INVENTORY, { reqheaders: { [IDEMPOTENCY_KEY_HEADER]: key, accept: 'application/json' } }).post('/reservations', body);
  const post = (body: { user_id: string; item: string; quantity: number }) =>
    service.http().post('/orders').set(IDEMPOTENCY_KEY_HEADER, `key-${body.user_id}`).send(body);

  it('reserves over HTTP, then answers 201 and the order is readable', async () => {
    replyWith(inventory('key-e1', { item: 'Lamp', quantity: 2 }), answers(201, RESERVATION));
    const created = await post({ user_id: 'e1', item: 'Lamp', quantity: 2 }).expect(201);
    await service.get(created.headers['location']).expect(200);
  });

  it('answers 422 UNKNOWN_ITEM as the inventory did, writing nothing', async () => {
    replyWith(inventory('key-e2', { item: 'Hoverboard', quantity: 1 }), answers(422, { error: 'Unknown item', code: 'UNKNOWN_ITEM' }));
    await post({ user_id: 'e2', item: 'Hoverboard', quantity: 1 }).expect(422, { error: 'No such item in the inventory', code: 'UNKNOWN_ITEM' });
    await service.get('/users/e2/orders').expect(404);
  });

  it('answers 503 INVENTORY_UNAVAILABLE for a 503 of the inventory, writing nothing', async () => {
    replyWith(inventory('key-e3', { item: 'Lamp', quantity: 1 }), answers(503, 'Service Unavailable'));
    const response = await post({ user_id: 'e3', item: 'Lamp', quantity: 1 }).expect(503);
    expect(response.body).toMatchObject({ code: 'INVENTORY_UNAVAILABLE' });
    await service.get('/users/e3/orders').expect(404);
  });
});
