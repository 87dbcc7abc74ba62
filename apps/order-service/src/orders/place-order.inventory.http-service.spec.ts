import { DEADLINE_HEADER, IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { DEADLINE_MARGIN_MS } from '@boundary/service-kit';
import { answers, HttpServiceDouble, refuses, timesOut } from '@boundary/testing';
import { loadOrderServiceConfig } from '../config/order-service.config';
import { OrderDatabase } from '../database/order-database';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { emptyOrderTables } from '../testing/empty-order-tables';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const INVENTORY = 'http://inventory.test:5002';
const RESERVATION = { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: 'Lamp', quantity: 2 };

/** `POST /orders` with the real `InventoryServiceClient` over an `HttpService` double: the requests it sends, the answers it maps. */
describe('Order Service POST /orders and the inventory (HttpService overridden)', () => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;
  const http = new HttpServiceDouble(INVENTORY);

  // One database and app for the file (a new PGlite database and app cost about a second of CPU per test); each test
  // starts from empty tables and a double with no routes nor requests.
  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create();
    service = await startOrderServiceTestApp(testDatabase.options(), {
      inventory: 'real',
      inventoryClient: {
        baseUrl: INVENTORY,
        retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
        // The breaker is shared by every call of the app: one that the failures of all these tests together cannot
        // open, so that no test sees it in the state an earlier one left.
        circuitBreaker: { consecutiveFailures: Number.MAX_SAFE_INTEGER },
      },
      httpService: http,
    });
  });
  beforeEach(() => emptyOrderTables(service.app.get(OrderDatabase)));
  afterEach(() => {
    try {
      http.verifyAllUsed();
    } finally {
      http.reset();
    }
  });
  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
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

  describe('with its caller’s budget (x-deadline-ms): what the inventory call may spend', () => {
    /** The configured inventory deadline (INVENTORY_SERVICE_TIMEOUT_MS's default). */
    const configured = loadOrderServiceConfig({}).inventoryClient.timeoutMs;
    const sentBudgets = () => http.requests.map((request) => Number(request.headers[DEADLINE_HEADER]));
    /** That the one call sent the configured deadline, less the few ms between the call starting and its attempt going out. */
    const expectConfiguredSent = () => {
      expect(sentBudgets()).toEqual([configured]);
    };
    /**
     * Runs `request` with the clock standing still, so the budget sent is exactly what the service computed: a real
     * clock let a loaded machine spend more than the 10 ms these tests once allowed between the call and its attempt.
     */
    const withClockStill = async (request: () => PromiseLike<unknown>) => {
      const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
      try {
        await request();
      } finally {
        clock.mockRestore();
      }
    };
    const postWithin = (budget: string, userId: string) =>
      service.http().post('/orders').set(IDEMPOTENCY_KEY_HEADER, `key-${userId}`).set(DEADLINE_HEADER, budget).send({ user_id: userId, item: 'Lamp', quantity: 2 });

    it('is its own configuration when the caller sent no budget', async () => {
      http.on('POST', '/reservations', answers(201, RESERVATION));
      await withClockStill(() => post({ user_id: 'u-nobudget', item: 'Lamp', quantity: 2 }).expect(201));
      expectConfiguredSent();
    });

    it('is its own configuration when the caller’s budget is longer', async () => {
      http.on('POST', '/reservations', answers(201, RESERVATION));
      await withClockStill(() => postWithin('60000', 'u-longbudget').expect(201));
      expectConfiguredSent();
    });

    it('is what is left of a shorter budget, less the margin: 300 ms received, at most 275 ms sent', async () => {
      http.on('POST', '/reservations', answers(201, RESERVATION));
      await postWithin('300', 'u-budget').expect(201);
      const [sent] = sentBudgets();
      expect(sent).toBeLessThanOrEqual(300 - DEADLINE_MARGIN_MS);
      expect(sent).toBeGreaterThan(0);
    });

    it('gives up on a silent inventory when the budget is spent, not at its own deadline: 503 INVENTORY_UNAVAILABLE, nothing written', async () => {
      http.on('POST', '/reservations', timesOut());
      const started = Date.now();
      const response = await postWithin('250', 'u-silent').expect(503);
      const took = Date.now() - started;
      expect(response.body).toMatchObject({ code: 'INVENTORY_UNAVAILABLE' });
      expect(took).toBeGreaterThanOrEqual(250 - DEADLINE_MARGIN_MS - 5);
      expect(took).toBeLessThan(configured);
      expect(sentBudgets()[0]).toBeLessThanOrEqual(250 - DEADLINE_MARGIN_MS);
      await service.get('/users/u-silent/orders').expect(404);
    });

    it('calls no one for a budget spent on arrival: 503 DEADLINE_EXCEEDED at once, nothing written', async () => {
      const response = await postWithin(String(DEADLINE_MARGIN_MS), 'u-spent').expect(503);
      expect(response.body).toEqual({ error: expect.stringMatching(/deadline passed/), code: 'DEADLINE_EXCEEDED' });
      expect(http.requests).toEqual([]);
      await service.get('/users/u-spent/orders').expect(404);
    });

    it('answers a malformed budget with 400 INVALID_DEADLINE, calling no one', async () => {
      const response = await postWithin('soon', 'u-typo').expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(/^Invalid x-deadline-ms header: /), code: 'INVALID_DEADLINE' });
      expect(http.requests).toEqual([]);
    });
  });
});
