import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { replayImage, workspaceRoot, type ReplayedImage } from './image-replay';

const SERVICES = ['inventory-service', 'order-service', 'fulfilment-service', 'user-service'] as const;
type Service = (typeof SERVICES)[number];
const ORDER_SERVICE_TOKEN = 'image-replay-order-token';
const INVENTORY_SERVICE_TOKEN = 'image-replay-inventory-token';
const FULFILMENT_INVENTORY_TOKEN = 'image-replay-fulfilment-inventory-token';
/** The machine's broker (`.ci/run` exports RABBITMQ_URL), and a queue of this run's own, deleted afterwards. */
const RABBITMQ_URL = process.env['RABBITMQ_URL'] || 'amqp://guest:guest@127.0.0.1:5672';
const QUEUE = orderPlacedQueueTopology(`image-replay.orders-placed.${randomUUID()}`);

/** A port free on 127.0.0.1 at the time of asking. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The image's command run in its folder with the image's ENV and `env`: nothing of this machine's environment but PATH. */
function start(image: ReplayedImage, env: Record<string, string>, extraArgs: string[] = []): ChildProcess & { output: string } {
  const [command, ...args] = image.command;
  const child = spawn(command === 'node' ? process.execPath : command, [...args, ...extraArgs], {
    cwd: image.dir,
    env: { PATH: process.env['PATH'], ...image.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { output: string };
  child.output = '';
  child.stdout?.on('data', (chunk: Buffer) => (child.output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (child.output += chunk.toString()));
  return child;
}

async function untilReady(url: string, child: ChildProcess & { output: string }): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${child.output.slice(-4000)}`);
    const status = await fetch(`${url}/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}/health/ready not 200 after 120 s:\n${child.output.slice(-4000)}`);
}

describe('the images, replayed outside a container from their Dockerfiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'image-replay-'));
  const images = {} as Record<Service, ReplayedImage>;
  const running: ChildProcess[] = [];
  let databaseUrl: string | undefined;
  let adminUrl: string | undefined;
  const databaseName = `image_replay_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    // A database of its own on the PostgreSQL of DATABASE_URL; without one, each service runs on embedded PGlite.
    if (process.env['DATABASE_URL']) {
      adminUrl = process.env['DATABASE_URL'];
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${databaseName}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
    }
    await Promise.all(
      SERVICES.map(async (service) => {
        images[service] = await replayImage(join(workspaceRoot, 'apps', service, 'Dockerfile'), join(root, service));
      }),
    );
  });

  afterAll(async () => {
    const broker = await connect(RABBITMQ_URL);
    const channel = await broker.createChannel();
    for (const queue of [QUEUE.queue, QUEUE.deadLetter.queue]) await channel.deleteQueue(queue);
    await channel.deleteExchange(QUEUE.deadLetter.exchange);
    await broker.close();
    await Promise.all(
      running.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))),
    );
    rmSync(root, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it.each(SERVICES)('%s: production dependencies, dist and nothing else, a non-root user, its port', (service) => {
    const image = images[service];
    const project = JSON.parse(readFileSync(join(workspaceRoot, 'apps', service, 'project.json'), 'utf8'));
    expect(image.env).toMatchObject({ NODE_ENV: 'production' });
    expect(image.user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(image.exposedPort).toBe(project.metadata.port);
    expect(image.command).toEqual(['node', '--require', './tracing.js', 'main.js']);
    const files = readdirSync(image.dir);
    expect(files).toEqual(expect.arrayContaining(['main.js', 'tracing.js', 'package.json', 'package-lock.json', 'node_modules']));
    expect(files.filter((file) => /\.(ts|map)$/.test(file) || file === 'src')).toEqual([]);
    const dependencies = Object.keys(JSON.parse(readFileSync(join(image.dir, 'package.json'), 'utf8')).dependencies);
    expect(dependencies).toContain('@nestjs/core');
    for (const devDependency of ['jest', 'nx', 'typescript', '@nestjs/testing']) {
      expect(existsSync(join(image.dir, 'node_modules', devDependency))).toBe(false);
    }
  });

  it('run their migrations without nx, start with NODE_ENV=production, are ready, and carry an order through the whole chain, its event through RabbitMQ to the shipment of its units', async () => {
    const database: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
    const ports = { inventory: await freePort(), order: await freePort(), fulfilment: await freePort(), user: await freePort() };
    // Production requires RABBITMQ_URL: the machine's broker, on a queue of this run's own.
    const broker = { RABBITMQ_URL, ORDER_EVENTS_QUEUE: QUEUE.queue };
    const accepted = {
      ORDER_SERVICE_TOKENS_USER_SERVICE: ORDER_SERVICE_TOKEN,
      INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: INVENTORY_SERVICE_TOKEN,
      INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: FULFILMENT_INVENTORY_TOKEN,
    };
    for (const service of ['inventory-service', 'order-service', 'fulfilment-service'] as const) {
      const migrate = start(images[service], { ...database, ...broker, ...accepted }, ['--migrate-only']);
      const code = await new Promise((resolve) => migrate.once('exit', resolve));
      expect({ service, code, output: code === 0 ? '' : migrate.output }).toEqual({ service, code: 0, output: '' });
    }
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const services: [Service, Record<string, string>][] = [
      ['inventory-service', { ...database, PORT: String(ports.inventory), INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: INVENTORY_SERVICE_TOKEN, INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: FULFILMENT_INVENTORY_TOKEN, SEED_DEMO_DATA: 'true' }],
      ['fulfilment-service', { ...database, ...broker, PORT: String(ports.fulfilment), INVENTORY_SERVICE_URL: url(ports.inventory), INVENTORY_SERVICE_TOKEN: FULFILMENT_INVENTORY_TOKEN }],
      ['order-service', { ...database, ...broker, PORT: String(ports.order), ORDER_SERVICE_TOKENS_USER_SERVICE: ORDER_SERVICE_TOKEN, INVENTORY_SERVICE_URL: url(ports.inventory), INVENTORY_SERVICE_TOKEN, SEED_DEMO_DATA: 'true' }],
      ['user-service', { PORT: String(ports.user), ORDER_SERVICE_URL: url(ports.order), ORDER_SERVICE_TOKEN }],
    ];
    for (const [service, env] of services) {
      const child = start(images[service], env);
      running.push(child);
      await untilReady(url(Number(env['PORT'])), child);
    }

    const created = await fetch(`${url(ports.user)}/users/user123/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ item: 'Keyboard', quantity: 2 }),
    });
    expect({ status: created.status, body: await created.json() }).toMatchObject({
      status: 201,
      body: { user_id: 'user123', order: { item: 'Keyboard', quantity: 2 } },
    });
    const orders = (await (await fetch(`${url(ports.user)}/users/user123/orders`)).json()) as { orders: unknown[] };
    expect(orders.orders).toContainEqual(expect.objectContaining({ item: 'Keyboard', quantity: 2 }));
    // The event went through the broker: the Fulfilment Service shipped the order's units at the inventory.
    const keyboardUnits = async () =>
      (await (await fetch(`${url(ports.inventory)}/items/Keyboard/units`, { headers: { authorization: `Bearer ${INVENTORY_SERVICE_TOKEN}` } })).json()) as {
        shipped: number;
      };
    const deadline = Date.now() + 60_000;
    while ((await keyboardUnits()).shipped < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await keyboardUnits()).toMatchObject({ shipped: 2 });
  });
});
