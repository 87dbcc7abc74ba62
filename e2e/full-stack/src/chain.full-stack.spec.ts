import { Client } from 'pg';
import { DatabaseFaults } from './database-faults';
import { FULL_STACK_STORAGE, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

const ORDER_SERVICE_TOKEN = 'chain-order-service-token-0123456789';
const INVENTORY_SERVICE_TOKEN = 'chain-inventory-service-token-0123456789';
/** How long the Order Service waits for the inventory. */
const INVENTORY_DEADLINE_MS = 800;
/** The budget a caller gives the User Service (x-deadline-ms) in the budget cases, far below every configured timeout. */
const BUDGET_MS = 300;

interface Order {
  order_id: string;
  item: string;
  quantity: number;
}

interface PlacedOrder {
  status: number;
  body: { user_id: string; order?: Order; code?: string };
}

describe(`full stack: User Service → Order Service → Inventory Service on ${FULL_STACK_STORAGE.name}, three real processes on free ports`, () => {
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let orderService: ServiceProcess;
  let userService: ServiceProcess;

  beforeAll(async () => {
    storage = await FULL_STACK_STORAGE.create();
    // One database for both services that store (each keeps its tables and migrations in its own schema).
    inventory = await ServiceProcess.start('inventory-service', {
      ...storage.env,
      SEED_DEMO_DATA: 'true',
      INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: INVENTORY_SERVICE_TOKEN,
    });
    orderService = await ServiceProcess.start('order-service', {
      ...storage.env,
      SEED_DEMO_DATA: 'true',
      ORDER_SERVICE_TOKENS_USER_SERVICE: ORDER_SERVICE_TOKEN,
      INVENTORY_SERVICE_URL: inventory.url,
      INVENTORY_SERVICE_TOKEN,
      INVENTORY_SERVICE_TIMEOUT_MS: String(INVENTORY_DEADLINE_MS),
    });
    userService = await ServiceProcess.start('user-service', {
      ORDER_SERVICE_URL: orderService.url,
      ORDER_SERVICE_TOKEN,
      // Deadlines shrink along the chain: the Order Service's answer about the inventory (retries included) must
      // reach the User Service before it gives up on the Order Service.
      ORDER_SERVICE_TIMEOUT_MS: '5000',
      ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await inventory?.stop();
    await storage?.remove();
  });

  /** `POST /users/:userId/orders` on the User Service, the front of the chain, with any extra headers. */
  const placeOrder = async (
    userId: string,
    item: string,
    quantity: number,
    idempotencyKey: string,
    headers: Record<string, string> = {},
  ): Promise<PlacedOrder> => {
    const response = await fetch(`${userService.url}/users/${userId}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...headers },
      body: JSON.stringify({ item, quantity }),
    });
    return { status: response.status, body: (await response.json()) as PlacedOrder['body'] };
  };

  /** The budget (x-deadline-ms) each service's request line says the request `requestId` to `url` arrived with. */
  const budgetReceived = async (service: ServiceProcess, requestId: string, url: string) =>
    (await service.requestLine(requestId, url))?.['budgetMs'];

  /** The user's history as the User Service answers it. */
  const historyOf = async (userId: string) => {
    const response = await fetch(`${userService.url}/users/${userId}/orders`);
    return { status: response.status, body: (await response.json()) as { user_id: string; orders?: Order[]; code?: string } };
  };

  /** Units in stock, read from the inventory itself (`GET /items/:item`). */
  const stockOf = async (item: string): Promise<number> => {
    const response = await fetch(`${inventory.url}/items/${encodeURIComponent(item)}`, {
      headers: { authorization: `Bearer ${INVENTORY_SERVICE_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { item: string; in_stock: number };
    expect(body.item).toBe(item);
    return body.in_stock;
  };

  it('places an order through all three services: 201, the order in the history, the stock down by its quantity', async () => {
    const before = await stockOf('Laptop');
    const placed = await placeOrder('chain-buyer', 'Laptop', 2, 'chain-order-0001');
    expect(placed).toEqual({
      status: 201,
      body: { user_id: 'chain-buyer', order: { order_id: expect.any(String), item: 'Laptop', quantity: 2, status: 'placed' } },
    });
    expect(await stockOf('Laptop')).toBe(before - 2);
    expect(await historyOf('chain-buyer')).toEqual({ status: 200, body: { user_id: 'chain-buyer', orders: [placed.body.order] } });
  });

  it('answers a repeat of the same Idempotency-Key with the first order (200), reserving nothing more', async () => {
    const first = await placeOrder('chain-repeater', 'Keyboard', 1, 'chain-order-0002');
    expect(first.status).toBe(201);
    const afterFirst = await stockOf('Keyboard');
    expect(await placeOrder('chain-repeater', 'Keyboard', 1, 'chain-order-0002')).toEqual({ ...first, status: 200 });
    expect(await stockOf('Keyboard')).toBe(afterFirst);
  });

  it('answers 422 UNKNOWN_ITEM for an item the inventory does not stock, and writes no order', async () => {
    expect(await placeOrder('chain-curious', 'Unicorn', 1, 'chain-order-0003')).toEqual({
      status: 422,
      body: expect.objectContaining({ code: 'UNKNOWN_ITEM', user_id: 'chain-curious' }),
    });
    expect(await historyOf('chain-curious')).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
  });

  it('answers 409 OUT_OF_STOCK when fewer units are left, writes no order and leaves the stock as it was', async () => {
    const before = await stockOf('Monitor');
    expect(await placeOrder('chain-greedy', 'Monitor', before + 1, 'chain-order-0004')).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'OUT_OF_STOCK', user_id: 'chain-greedy' }),
    });
    expect(await stockOf('Monitor')).toBe(before);
    expect(await historyOf('chain-greedy')).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
  });

  it('gives the last unit to exactly one of two concurrent orders: one 201, one 409 OUT_OF_STOCK, stock 0', async () => {
    const before = await stockOf('Desk');
    if (before > 1) expect((await placeOrder('chain-racer-0', 'Desk', before - 1, 'chain-order-0005')).status).toBe(201);
    expect(await stockOf('Desk')).toBe(1);

    const answers = await Promise.all([
      placeOrder('chain-racer-1', 'Desk', 1, 'chain-order-0006'),
      placeOrder('chain-racer-2', 'Desk', 1, 'chain-order-0007'),
    ]);
    expect(answers.map(({ status }) => status).sort()).toEqual([201, 409]);
    expect(answers.find(({ status }) => status === 409)?.body).toMatchObject({ code: 'OUT_OF_STOCK' });
    expect(await stockOf('Desk')).toBe(0);
  });

  // Only a database a test can reach besides the services lets it make the real inventory fall silent.
  if (FULL_STACK_STORAGE.sharedWithTests) {
    describe('while the inventory does not answer in time (its stock table locked through a second connection)', () => {
      let faults: DatabaseFaults;

      beforeAll(async () => (faults = await DatabaseFaults.connect(storage.env['DATABASE_URL'])));
      afterAll(() => faults?.close());

      let before: number;

      it('answers 503 INVENTORY_UNAVAILABLE past the Order Service’s deadline, and writes nothing', async () => {
        before = await stockOf('Mouse');
        await faults.withTableLocked(['inventory', 'stock'], async () => {
          expect(await placeOrder('chain-patient', 'Mouse', 1, 'chain-order-0008')).toEqual({
            status: 503,
            body: expect.objectContaining({ code: 'INVENTORY_UNAVAILABLE', user_id: 'chain-patient' }),
          });
        });
        expect(await historyOf('chain-patient')).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
      });

      // The reservation that waited on the lock goes on once it is released, past the budget the Order Service sent
      // (x-deadline-ms): the inventory rolls it back instead of holding a unit for an order never written.
      it('reserves nothing for the order it did not write once the inventory catches up', async () => {
        // The reservations that waited on the lock go on once it is released: give them time to commit.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await stockOf('Mouse')).toBe(before);
      });
    });

    describe(`while the inventory is slowed past a ${BUDGET_MS} ms budget given to the User Service (its stock table locked)`, () => {
      let faults: DatabaseFaults;
      let database: Client;
      let before: { stock: number; reservations: number; orders: number };
      let answered: { placed: PlacedOrder; tookMs: number };

      /** Rows in a table of the services' database, counted through the test's own connection. */
      const rowsIn = async (table: string) => (await database.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
      const counts = async () => ({ stock: await stockOf('Mouse'), reservations: await rowsIn('inventory.reservations'), orders: await rowsIn('orders') });

      beforeAll(async () => {
        faults = await DatabaseFaults.connect(storage.env['DATABASE_URL']);
        database = new Client({ connectionString: storage.env['DATABASE_URL'] });
        await database.connect();
        before = await counts();
        answered = await faults.withTableLocked(['inventory', 'stock'], async () => {
          const started = performance.now();
          const placed = await placeOrder('chain-hurried', 'Mouse', 1, 'chain-order-0011', {
            'x-deadline-ms': String(BUDGET_MS),
            'x-request-id': 'chain-budget-2',
          });
          return { placed, tookMs: performance.now() - started };
        });
      });
      afterAll(async () => {
        await database?.end();
        await faults?.close();
      });

      it('answers 504 ORDER_SERVICE_TIMEOUT within the budget + 100 ms, not after the inventory’s own 800 ms', () => {
        expect(answered.placed).toEqual({
          status: 504,
          body: expect.objectContaining({ code: 'ORDER_SERVICE_TIMEOUT', user_id: 'chain-hurried' }),
        });
        expect(answered.tookMs).toBeLessThan(BUDGET_MS + 100);
      });

      it('gave the inventory less than the budget, and hung up on it once that was spent (its request line)', async () => {
        const line = await inventory.requestLine('chain-budget-2', '/reservations');
        expect(line).toMatchObject({ msg: 'request aborted', budgetMs: expect.any(Number) });
        expect(line?.['budgetMs']).toBeLessThanOrEqual(BUDGET_MS - 2 * 25);
      });

      it('reserves and writes nothing once the inventory catches up: stock, reservations and orders as they were', async () => {
        // The reservation that waited on the lock goes on once it is released: give it time to (not) commit.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await counts()).toEqual(before);
        expect(await historyOf('chain-hurried')).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
      });
    });
  }

  describe(`with a ${BUDGET_MS} ms budget given to the User Service (x-deadline-ms)`, () => {
    it('shrinks at every hop: the Order Service and then the inventory are given less, as their request lines say', async () => {
      const placed = await placeOrder('chain-budgeted', 'Laptop', 1, 'chain-order-0010', {
        'x-deadline-ms': String(BUDGET_MS),
        'x-request-id': 'chain-budget-1',
      });
      expect(placed).toMatchObject({ status: 201, body: { order: { item: 'Laptop', quantity: 1 } } });

      const user = await budgetReceived(userService, 'chain-budget-1', '/users/chain-budgeted/orders');
      const order = await budgetReceived(orderService, 'chain-budget-1', '/orders');
      const stock = await budgetReceived(inventory, 'chain-budget-1', '/reservations');
      expect(user).toBe(BUDGET_MS);
      // Each hop passes on at most what is left less the margin (25 ms): the inventory's call alone is 800 ms without it.
      expect(order).toBeLessThanOrEqual(BUDGET_MS - 25);
      expect(stock).toBeLessThanOrEqual((order as number) - 25);
      expect(stock).toBeGreaterThan(0);
    });
  });

  describe('once the inventory is stopped', () => {
    let historyBefore: Awaited<ReturnType<typeof historyOf>>;

    beforeAll(async () => {
      historyBefore = await historyOf('chain-buyer');
      expect(historyBefore.status).toBe(200);
      await inventory.stop();
    });

    it('answers 503 INVENTORY_UNAVAILABLE to a new order and writes nothing: the history is unchanged', async () => {
      expect(await placeOrder('chain-buyer', 'Laptop', 1, 'chain-order-0009')).toEqual({
        status: 503,
        body: expect.objectContaining({ code: 'INVENTORY_UNAVAILABLE', user_id: 'chain-buyer' }),
      });
      expect(await historyOf('chain-buyer')).toEqual(historyBefore);
    });

    it('still answers reads (GETs never call the inventory)', async () => {
      expect(await historyOf('user123')).toMatchObject({ status: 200, body: { user_id: 'user123' } });
      const [order] = historyBefore.body.orders ?? [];
      const response = await fetch(`${userService.url}/users/chain-buyer/orders/${order?.order_id}`);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { user_id: 'chain-buyer', order },
      });
    });
  });
});
