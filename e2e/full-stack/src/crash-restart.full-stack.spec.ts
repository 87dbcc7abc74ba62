import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OrderEventsQueue } from './order-events-queue';
import { freePort, ServiceProcess } from './service-process';

/** The items ordered, one unit an order, and what the inventory received of each (its demo stock). */
const RECEIVED: Record<string, number> = { Laptop: 100, Mouse: 100, Keyboard: 40 };
const ITEMS = Object.keys(RECEIVED);
const CALLERS = 3;
const WORKSPACE_ROOT = join(__dirname, '../../..');

type Outcome = ({ acknowledged: true; orderId: string } | { acknowledged: false; status: number; code?: string }) & {
  /** How many times the order was sent: more than once when an attempt got no final answer. */
  attempts: number;
  /** The final answer was a repeat (200): an earlier attempt had placed the order, and its answer was lost. */
  replayed?: boolean;
};

/**
 * One order placed through the User Service as a careful caller places it: a request that gets no answer, or an
 * answer that does not say what happened (a 5xx: the order may or may not exist), is sent again with the same
 * Idempotency-Key until the answer is final — the order (201, or 200 for a repeat) or a refusal (4xx).
 */
async function placeOrder(userUrl: () => string, user: string, key: string, item: string): Promise<Outcome> {
  for (let attempts = 1; ; attempts++) {
    try {
      const response = await fetch(`${userUrl()}/users/${user}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ item, quantity: 1 }),
        signal: AbortSignal.timeout(5_000),
      });
      const body = (await response.json()) as { order?: { order_id: string }; code?: string };
      if (response.status === 200 || response.status === 201) {
        return { acknowledged: true, orderId: body.order?.order_id ?? '', attempts, replayed: response.status === 200 };
      }
      if (response.status < 500) return { acknowledged: false, status: response.status, code: body.code, attempts };
    } catch {
      // No answer: the service is down or was killed mid-request.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Rows of `query` in the embedded database kept in `dir`, once its service has stopped. Read by a plain Node process:
 * PGlite loads its WebAssembly by a dynamic import, which Jest's module sandbox refuses.
 */
async function rowsIn<T>(dir: string, query: string): Promise<T[]> {
  const script = `const { PGlite } = require('@electric-sql/pglite');
    (async () => { const db = new PGlite(process.argv[1]); const { rows } = await db.query(process.argv[2]);
      process.stdout.write(JSON.stringify(rows)); await db.close(); })().catch((e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, dir, query], { cwd: WORKSPACE_ROOT });
  return JSON.parse(stdout) as T[];
}

/**
 * Waits until every fulfilment process, the killed ones included, has together handled the event of each order of
 * `orderIds` (recorded its shipment, or found it recorded: a redelivery), as their log lines say; then the one still
 * running is stopped, so that its database can be read.
 */
async function fulfilmentCaughtUp(processes: ServiceProcess[], orderIds: string[], timeoutMs = 30_000): Promise<void> {
  const handled = (orderId: string) =>
    processes.some((process) => new RegExp(`(Shipment recorded for order|Order) ${orderId}\\b`).test(process.log));
  const deadline = Date.now() + timeoutMs;
  while (!orderIds.every(handled) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  await processes[processes.length - 1].stop();
}

describe('the chain under steady order traffic, each service killed with SIGKILL in turn and restarted', () => {
  const dirs: string[] = [];
  const queue = new OrderEventsQueue();
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    await queue.remove();
  });

  // Its own timeout: four services started, each killed with SIGKILL and restarted, three PGlite folders read by child
  // processes — about 25 s on a quiet machine, 93–121 s inside CI's e2e group on a slow day (2026-12-07), past the
  // suite's 120 s.
  it('keeps every acknowledged order exactly once, ships each once, none answered as refused, and the stock equation', async () => {
    const [inventoryDir, orderDir, fulfilmentDir] = await Promise.all(
      ['inventory', 'order', 'fulfilment'].map((name) => mkdtemp(join(tmpdir(), `crash-${name}-`))),
    );
    dirs.push(inventoryDir, orderDir, fulfilmentDir);
    const [inventoryPort, orderPort] = [await freePort(), await freePort()];
    const quiet = { LOG_LEVEL: 'warn', DATABASE_URL: '' };
    const services = {
      inventory: await ServiceProcess.start('inventory-service', { ...quiet, PGLITE_DIR: inventoryDir, SEED_DEMO_DATA: 'true' }, inventoryPort),
      order: await ServiceProcess.start(
        'order-service',
        { ...quiet, ...queue.env, PGLITE_DIR: orderDir, INVENTORY_SERVICE_URL: `http://127.0.0.1:${inventoryPort}` },
        orderPort,
      ),
      user: await ServiceProcess.start('user-service', { ...quiet, ORDER_SERVICE_URL: `http://127.0.0.1:${orderPort}` }),
      // At info: its log says which orders it has handled.
      fulfilment: await ServiceProcess.start('fulfilment-service', {
        ...quiet,
        LOG_LEVEL: 'info',
        ...queue.env,
        PGLITE_DIR: fulfilmentDir,
        INVENTORY_SERVICE_URL: `http://127.0.0.1:${inventoryPort}`,
      }),
    };
    const fulfilments = [services.fulfilment];
    const outcomes = new Map<string, Outcome>();
    try {
      let trafficOn = true;
      const traffic = Array.from({ length: CALLERS }, async (_, caller) => {
        for (let n = 0; trafficOn; n++) {
          const key = `crash-${caller}-${n}`;
          outcomes.set(key, await placeOrder(() => services.user.url, `crash-user-${caller}`, key, ITEMS[n % ITEMS.length]));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      });
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await pause(1_000);
      for (const name of ['user', 'order', 'inventory', 'fulfilment'] as const) {
        await services[name].kill();
        await pause(300);
        services[name] = await services[name].restart();
        if (name === 'fulfilment') fulfilments.push(services.fulfilment);
        await pause(1_000);
      }
      trafficOn = false;
      // Each caller settles the order it has in hand: retried until its answer is final.
      await Promise.all(traffic);
      // The Order Service keeps running meanwhile: the last orders' events are still in its outbox until its relay's
      // next round (OUTBOX_POLL_MS), and a stopped relay publishes nothing.
      const acknowledgedIds = [...outcomes.values()].flatMap((outcome) => (outcome.acknowledged ? [outcome.orderId] : []));
      await fulfilmentCaughtUp(fulfilments, acknowledgedIds);
    } catch (error) {
      await services.fulfilment.stop();
      throw error;
    } finally {
      await Promise.all([services.user, services.order, services.inventory].map((service) => service.stop()));
    }

    const acknowledged = [...outcomes].filter(([, outcome]) => outcome.acknowledged);
    const refused = [...outcomes].filter(([, outcome]) => !outcome.acknowledged);
    const retried = [...outcomes.values()].filter((outcome) => outcome.attempts > 1);
    process.stdout.write(
      `orders: ${acknowledged.length} acknowledged, ${refused.length} refused; ${retried.length} needed more than one attempt, ` +
        `${retried.filter((outcome) => outcome.replayed).length} of them answered as a repeat\n`,
    );
    expect(acknowledged.length).toBeGreaterThan(20);
    // The kills landed under traffic: some orders got no final answer at first and were sent again.
    expect(retried.length).toBeGreaterThan(0);
    // A refusal is final and says why: only the stock running out (the inventory received a finite amount).
    expect(new Set(refused.map(([, outcome]) => (outcome.acknowledged ? '' : `${outcome.status} ${outcome.code}`)))).toEqual(
      new Set(refused.length > 0 ? ['409 OUT_OF_STOCK'] : []),
    );

    // Every acknowledged order shipped exactly once (shipments are keyed by order), nothing else shipped; on failure
    // the figures say where the missing events are.
    const expectedShipments = acknowledged.map(([, outcome]) => (outcome.acknowledged ? outcome.orderId : '')).sort();
    const shipped = (await rowsIn<{ order_id: string }>(fulfilmentDir, 'select order_id from fulfilment.shipments')).map((row) => row.order_id);
    const unsent = await rowsIn<{ unsent: number }>(orderDir, 'select count(*)::int as unsent from outbox where sent_at is null');
    process.stdout.write(
      `shipments: ${shipped.length} of ${expectedShipments.length} acknowledged orders; broker ${JSON.stringify(await queue.depths())}; ` +
        `${unsent[0]?.unsent} unsent in the outbox\n`,
    );
    expect(shipped.sort()).toEqual(expectedShipments);

    const orders = await rowsIn<{ id: string; idempotency_key: string }>(orderDir, `select id, idempotency_key from orders where user_id like 'crash-user-%'`);
    // Exactly the acknowledged orders, each once, under the id the caller was given; none of the refused ones.
    expect(orders.map((order) => order.idempotency_key).sort()).toEqual(acknowledged.map(([key]) => key).sort());
    expect(new Map(orders.map((order) => [order.idempotency_key, order.id]))).toEqual(
      new Map(acknowledged.map(([key, outcome]) => [key, outcome.acknowledged ? outcome.orderId : ''])),
    );

    // Stock: available + reserved (held, confirmed or shipped) = received, item by item.
    const stock = await rowsIn<{ item: string; in_stock: number; reserved: number }>(
      inventoryDir,
      `select s.item, s.in_stock, coalesce(sum(r.quantity) filter (where r.state <> 'released'), 0)::int as reserved
         from inventory.stock s left join inventory.reservations r on r.item = s.item group by s.item, s.in_stock`,
    );
    for (const item of ITEMS) {
      const row = stock.find((entry) => entry.item === item);
      expect({ item, total: (row?.in_stock ?? 0) + (row?.reserved ?? 0) }).toEqual({ item, total: RECEIVED[item] });
    }
  }, 300_000);
});
