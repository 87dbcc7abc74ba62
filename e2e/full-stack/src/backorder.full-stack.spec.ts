import { eventually, OrderEventsQueue } from './order-events-queue';
import { PERSISTENT_STORAGES, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

/** Short, so the hold of an order the relay has not confirmed yet is released within the test. */
const RESERVATION_HOLD = '3s';
/** The item the late order asks for, and the stock sold while its hold was expired. */
const ITEM = 'Laptop';
const USER = 'backordered-buyer';

/** The Order Service's storage must outlive the process: PostgreSQL when the run has it, else PGlite in a folder. */
const STORAGE = PERSISTENT_STORAGES[PERSISTENT_STORAGES.length - 1];

describe(`an order whose hold expired before the relay confirmed it, and whose stock was sold meanwhile, on ${STORAGE.name}`, () => {
  const queue = new OrderEventsQueue();
  const events = queue.env;
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let fulfilment: ServiceProcess;
  let orderService: ServiceProcess | undefined;
  let userService: ServiceProcess | undefined;

  const startOrderService = (env: Record<string, string> = {}) =>
    ServiceProcess.start('order-service', { ...storage.env, INVENTORY_SERVICE_URL: inventory.url, ...events, ...env });
  /** The item's units by state, as the inventory answers them; the stock equation is checked on every read. */
  const unitsOf = async (item: string) => {
    const response = await fetch(`${inventory.url}/items/${item}/units`);
    expect(response.status).toBe(200);
    const units = (await response.json()) as Record<string, number>;
    expect(units['available'] + units['held'] + units['confirmed'] + units['shipped']).toBe(units['received']);
    return units;
  };
  /** Reserves and confirms `quantity` units straight at the inventory: another buyer's order, confirmed in time. */
  const sell = async (quantity: number) => {
    const held = await fetch(`${inventory.url}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ item: ITEM, quantity }),
    });
    expect(held.status).toBe(201);
    const { reservation_id } = (await held.json()) as { reservation_id: string };
    expect((await fetch(`${inventory.url}/reservations/${reservation_id}/confirmation`, { method: 'PUT' })).status).toBe(200);
  };

  beforeAll(async () => {
    storage = await STORAGE.create();
    // Its own database: an embedded one belongs to one process.
    inventory = await ServiceProcess.start('inventory-service', {
      DATABASE_URL: storage.env['DATABASE_URL'] ?? '',
      PGLITE_DIR: '',
      SEED_DEMO_DATA: 'true',
      RESERVATION_HOLD,
    });
    fulfilment = await ServiceProcess.start('fulfilment-service', {
      DATABASE_URL: storage.env['DATABASE_URL'] ?? '',
      PGLITE_DIR: '',
      INVENTORY_SERVICE_URL: inventory.url,
      ...events,
    });
    await eventually('fulfilment consuming', () => fulfilment.log.includes('Consuming orders.placed'), () => fulfilment.log);
  });

  afterAll(async () => {
    await userService?.stop();
    await orderService?.stop();
    await fulfilment?.stop();
    await inventory?.stop();
    await queue.remove();
    await storage?.remove();
  });

  it('ends backordered — shown by the User Service —, is never shipped, and the stock equation holds', async () => {
    const before = await unitsOf(ITEM);
    // A relay held for an hour: the order commits with its hold, and nothing confirms it.
    orderService = await startOrderService({ OUTBOX_POLL_MS: '3600000' });
    const placed = await fetch(`${orderService.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: USER, item: ITEM, quantity: 1 }),
    });
    expect(placed.status).toBe(201);
    const { order_id: orderId, status } = (await placed.json()) as { order_id: string; status: string };
    expect(status).toBe('placed');
    expect(await unitsOf(ITEM)).toEqual({ ...before, available: before.available - 1, held: before.held + 1 });

    await eventually('the hold released by the reaper', async () => (await unitsOf(ITEM))['held'] === before.held, () => inventory.log, 30_000);
    // Meanwhile every unit left is sold: the expired hold cannot be re-reserved.
    await sell(before.available);
    await orderService.stop();

    // The relay as it runs normally (one poll every 0.5 s) on the same database.
    orderService = await startOrderService();
    await eventually(`${orderId} backordered`, () => orderService?.log.includes(`Order ${orderId} backordered`) ?? false, () => orderService?.log ?? '');
    expect(orderService.log).toMatch(new RegExp(`Order ${orderId} backordered: the Inventory Service holds nothing for reservation res_[0-9a-f-]+ \\(HOLD_EXPIRED\\)`));

    userService = await ServiceProcess.start('user-service', { ORDER_SERVICE_URL: orderService.url });
    const shown = await fetch(`${userService.url}/users/${USER}/orders`);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual({ user_id: USER, orders: [{ order_id: orderId, item: ITEM, quantity: 1, status: 'backordered' }] });

    // Give an announcement the time to reach fulfilment, were one made: none is.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(fulfilment.log).not.toContain(orderId);
    expect(await unitsOf(ITEM)).toEqual({ ...before, available: 0, confirmed: before.confirmed + before.available });
  });
});
