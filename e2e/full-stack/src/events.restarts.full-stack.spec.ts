import { eventually, OrderEventsQueue } from './order-events-queue';
import { PERSISTENT_STORAGES, type OrderServiceStorage } from './order-service-storage';
import { ServiceProcess } from './service-process';

/** Orders placed while fulfilment is stopped: each must be shipped once it is back, none twice. */
const ORDERS_WHILE_STOPPED = 50;

/** The Order Service's storage must outlive the process: PostgreSQL when the run has it, else PGlite in a folder. */
const STORAGE = PERSISTENT_STORAGES[PERSISTENT_STORAGES.length - 1];

describe(`the event hop across restarts, the Order Service on ${STORAGE.name}`, () => {
  const queue = new OrderEventsQueue();
  const events = queue.env;
  let storage: OrderServiceStorage;
  let inventory: ServiceProcess;
  let fulfilment: ServiceProcess | undefined;
  let orderService: ServiceProcess | undefined;
  const fulfilmentLogs: string[] = [];

  const startOrderService = (env: Record<string, string> = {}) =>
    ServiceProcess.start('order-service', { ...storage.env, INVENTORY_SERVICE_URL: inventory.url, ...events, ...env });
  const startFulfilment = async () => {
    fulfilment = await ServiceProcess.start('fulfilment-service', {
      DATABASE_URL: storage.env['DATABASE_URL'] ?? '',
      PGLITE_DIR: '',
      INVENTORY_SERVICE_URL: inventory.url,
      ...events,
    });
    await eventually('fulfilment consuming', () => (fulfilment as ServiceProcess).log.includes('Consuming orders.placed'), () => (fulfilment as ServiceProcess).log);
  };
  /** Every fulfilment process's log so far, the running one's last. */
  const allFulfilmentLogs = () => [...fulfilmentLogs, fulfilment?.log ?? ''].join('\n');
  const timesShipped = (orderId: string) => allFulfilmentLogs().split(`Shipment recorded for order ${orderId}`).length - 1;
  /** The item's units by state, as the inventory answers them; the stock equation is checked on every read. */
  const unitsOf = async (item: string) => {
    const units = (await (await fetch(`${inventory.url}/items/${item}/units`)).json()) as Record<string, number>;
    expect(units['available'] + units['held'] + units['confirmed'] + units['shipped']).toBe(units['received']);
    return units;
  };
  const placeOrder = async () => {
    const response = await fetch(`${(orderService as ServiceProcess).url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'user123', item: 'Laptop', quantity: 1 }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { order_id: string }).order_id;
  };

  beforeAll(async () => {
    storage = await STORAGE.create();
    // Its own database: an embedded one belongs to one process.
    inventory = await ServiceProcess.start('inventory-service', { DATABASE_URL: storage.env['DATABASE_URL'] ?? '', PGLITE_DIR: '', SEED_DEMO_DATA: 'true' });
    await startFulfilment();
  });

  afterAll(async () => {
    await orderService?.stop();
    await fulfilment?.stop();
    await inventory?.stop();
    await queue.remove();
    await storage?.remove();
  });

  it('publishes an order committed by an Order Service killed (SIGKILL) before it published, once the service is back', async () => {
    // A relay that would not poll for an hour: the kill lands between the commit and the publish.
    orderService = await startOrderService({ OUTBOX_POLL_MS: '3600000' });
    const orderId = await placeOrder();
    await orderService.kill();
    expect(timesShipped(orderId)).toBe(0);

    orderService = await startOrderService();
    await eventually(`the shipment of ${orderId}`, () => timesShipped(orderId) === 1, allFulfilmentLogs);
  });

  it('ships every order placed while fulfilment was stopped once it is back, none twice', async () => {
    orderService ??= await startOrderService();
    await (fulfilment as ServiceProcess).stop();
    fulfilmentLogs.push((fulfilment as ServiceProcess).log);
    fulfilment = undefined;
    const orderIds: string[] = [];
    const before = await unitsOf('Laptop');
    for (let i = 0; i < ORDERS_WHILE_STOPPED; i++) orderIds.push(await placeOrder());

    await startFulfilment();
    await eventually(`all ${ORDERS_WHILE_STOPPED} shipments`, () => orderIds.every((id) => timesShipped(id) >= 1), allFulfilmentLogs);
    // Give a duplicate the time to show up, then count.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(orderIds.map(timesShipped)).toEqual(orderIds.map(() => 1));
    // At the inventory too: each order's unit shipped once, none held or confirmed left over.
    expect(await unitsOf('Laptop')).toEqual({
      ...before,
      available: before.available - ORDERS_WHILE_STOPPED,
      shipped: before.shipped + ORDERS_WHILE_STOPPED,
    });
  });
});
