import { ReadinessProxy } from './readiness-proxy';
import { ServiceProcess } from './service-process';
import { steadyLoad } from './steady-load';

/** Long enough for the proxy (polling every 50 ms) to see readiness fail several times before the listener closes. */
const DRAIN_MS = 400;

/** Each service, what it is asked under load, and what it needs running below it (one instance each). */
const SERVICES: { name: string; path: string; below?: (env: Record<string, string>) => Promise<Record<string, string>> }[] = [
  { name: 'inventory-service', path: '/items/Laptop' },
  { name: 'order-service', path: '/users/user123/orders' },
  {
    name: 'user-service',
    path: '/users/user123/orders',
    below: async (env) => ({ ORDER_SERVICE_URL: (await started(ServiceProcess.start('order-service', env))).url }),
  },
  { name: 'fulfilment-service', path: '/health/live' },
];

const running: ServiceProcess[] = [];
async function started(service: Promise<ServiceProcess>): Promise<ServiceProcess> {
  running.push(await service);
  return running[running.length - 1];
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

describe.each(SERVICES)('$name stopped with SIGTERM under steady load, behind a proxy routing by /health/ready', ({ name, path, below }) => {
  it('fails readiness first, finishes what it accepted, exits 0, and no request fails', async () => {
    const env = { DATABASE_URL: '', SEED_DEMO_DATA: 'true', SHUTDOWN_DRAIN_MS: String(DRAIN_MS), LOG_LEVEL: 'warn' };
    const serviceEnv = { ...env, ...(await below?.(env)) };
    const [stopping, staying] = await Promise.all([started(ServiceProcess.start(name, serviceEnv)), started(ServiceProcess.start(name, serviceEnv))]);
    const proxy = await ReadinessProxy.start([stopping.url, staying.url]);
    // Load before, during and after the stop: the instance stops 300 ms in, the load runs 300 ms past its exit.
    const load = steadyLoad(`${proxy.url}${path}`);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await stopping.stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { statuses, failures } = await load.stop();

      expect(stopping.exitStatus).toEqual({ code: 0, signal: null });
      expect(Object.values(statuses).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(20);
      expect(failures).toEqual([]);
      expect(Object.keys(statuses)).toEqual(['200']);
      // What the proxy saw of the stopping instance: ready, then SHUTTING_DOWN while it still answered, then gone.
      const seen = proxy.history(stopping.url);
      const firstDraining = seen.findIndex((answer) => answer.code === 'SHUTTING_DOWN');
      expect(firstDraining).toBeGreaterThan(0);
      expect(seen.slice(0, firstDraining).every((answer) => answer.status === 200)).toBe(true);
      expect(seen.slice(firstDraining).every((answer) => answer.status === 503 || answer.status === 0)).toBe(true);
      expect(proxy.history(staying.url).every((answer) => answer.status === 200)).toBe(true);
    } finally {
      await load.stop();
      await proxy.stop();
    }
  });
});
