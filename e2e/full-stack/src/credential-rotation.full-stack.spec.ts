import { RollingProxy } from './rolling-proxy';
import { ServiceProcess } from './service-process';
import { steadyLoad } from './steady-load';

const OLD = 'rotation-old-user-service-token-0123456789';
const NEW = 'rotation-new-user-service-token-9876543210';

/** An Order Service instance accepting `accepted` from the User Service (its own embedded database, demo data). */
const orderService = (...accepted: string[]) =>
  ServiceProcess.start('order-service', { ORDER_SERVICE_TOKENS_USER_SERVICE: accepted.join(','), SEED_DEMO_DATA: 'true', DATABASE_URL: '' });

/**
 * A rolling restart as Kubernetes does it with a surge of one: the replacement starts and takes traffic, then the old
 * instance stops taking it, finishes what it has, and stops.
 */
async function roll(proxy: RollingProxy, old: ServiceProcess, replacement: Promise<ServiceProcess>): Promise<ServiceProcess> {
  const started = await replacement;
  proxy.add(started.url);
  await proxy.remove(old.url);
  await old.stop();
  return started;
}

describe('full stack: rotating the User Service’s credential at the Order Service under steady load (deploy/CREDENTIALS.md)', () => {
  const processes: ServiceProcess[] = [];
  const proxies: RollingProxy[] = [];
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all(processes.map((process) => process.stop()));
  });
  const started = async (process: Promise<ServiceProcess>) => {
    processes.push(await process);
    return processes[processes.length - 1];
  };

  // Five service starts in a row, three of them an Order Service running initdb on embedded PGlite: 36 s alone on a
  // quiet 2-core machine, over 120 s in CI beside the other e2e projects (load 10–12): hence the long timeout.
  it('accepts old and new, switches the consumer, drops the old: zero failed calls, then the old token is refused 401', async () => {
    const orders = await RollingProxy.start([(await started(orderService(OLD))).url]);
    const userService = (token: string) => started(ServiceProcess.start('user-service', { ORDER_SERVICE_URL: orders.url, ORDER_SERVICE_TOKEN: token }));
    const users = await RollingProxy.start([(await userService(OLD)).url]);
    proxies.push(orders, users);
    const load = steadyLoad(`${users.url}/users/user123/orders`);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

    await pause();
    // 1. The provider accepts the current and the next token.
    const both = await roll(orders, processes[0], started(orderService(OLD, NEW)));
    await pause();
    // 2. The consumer restarts with the next token.
    await roll(users, processes[1], userService(NEW));
    await pause();
    // 3. The provider drops the old token.
    const onlyNew = await roll(orders, both, started(orderService(NEW)));
    await pause();
    const result = await load.stop();

    expect(result.failures).toEqual([]);
    expect(Object.keys(result.statuses)).toEqual(['200']);
    expect(result.statuses[200]).toBeGreaterThan(50);
    const call = (token: string) => fetch(`${onlyNew.url}/users/user123/orders`, { headers: { authorization: `Bearer ${token}` } });
    const refused = await call(OLD);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'Missing or invalid service token', code: 'UNAUTHORIZED', user_id: 'user123' });
    expect((await call(NEW)).status).toBe(200);
    // Every Order Service instance named its caller on its request lines, and no process ever wrote a token.
    for (const order of [processes[0], both, onlyNew]) expect(order.log).toContain('"consumer":"user-service"');
    for (const process of processes) {
      expect(process.log).not.toContain(OLD);
      expect(process.log).not.toContain(NEW);
    }
  }, 300_000);
});
