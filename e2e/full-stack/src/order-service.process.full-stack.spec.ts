import { PERSISTENT_STORAGES, type OrderServiceStorage } from './order-service-storage';
import { freePort, ServiceProcess } from './service-process';

describe.each(PERSISTENT_STORAGES)('Order Service process on $name', (storage) => {
  let store: OrderServiceStorage;
  let inventory: ServiceProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    store = await storage.create();
    // The inventory a new order is reserved with, on its own embedded database: it outlives both Order Services.
    inventory = await ServiceProcess.start('inventory-service', { DATABASE_URL: '', SEED_DEMO_DATA: 'true' });
    env = { ...store.env, INVENTORY_SERVICE_URL: inventory.url };
  });

  afterAll(async () => {
    await inventory?.stop();
    await store?.remove();
  });

  it('keeps an acknowledged POST /orders through kill -9 and a restart', async () => {
    const first = await ServiceProcess.start('order-service', env);
    let created: { order_id: string };
    try {
      const response = await fetch(`${first.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'crash-test' },
        body: JSON.stringify({ user_id: 'crash-user', item: 'Desk', quantity: 1 }),
      });
      expect(response.status).toBe(201);
      created = (await response.json()) as { order_id: string };
    } finally {
      await first.kill();
    }

    const second = await ServiceProcess.start('order-service', env);
    try {
      const order = await fetch(`${second.url}/orders/${created.order_id}`);
      expect(order.status).toBe(200);
      expect(await order.json()).toEqual({ ...created, user_id: 'crash-user', item: 'Desk', quantity: 1 });
      const history = await fetch(`${second.url}/users/crash-user/orders`);
      expect(await history.json()).toEqual([{ order_id: created.order_id, item: 'Desk', quantity: 1, status: 'placed' }]);
      await second.stop();
      // SIGTERM ran the shutdown hooks: the database was closed, not abandoned.
      expect(second.log).toMatch(/Closed (PostgreSQL|embedded PGlite)/);
    } finally {
      await second.stop();
    }
  });
});

describe('Order Service process without its database', () => {
  it('exits non-zero at start-up with a message naming the unreachable server', async () => {
    const port = await freePort();
    await expect(
      ServiceProcess.start('order-service', { DATABASE_URL: `postgres://orders:secret@127.0.0.1:${port}/orders` }),
    ).rejects.toThrow(new RegExp(`exited early with code 1:[\\s\\S]*Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}/orders`));
  });

  it('never prints the password of the connection string', async () => {
    const port = await freePort();
    const failure = await ServiceProcess.start('order-service', {
      DATABASE_URL: `postgres://orders:hunter2@127.0.0.1:${port}/orders`,
    }).catch((error: Error) => error);
    expect(String(failure)).toMatch(/exited early/);
    expect(String(failure)).not.toContain('hunter2');
  });
});
