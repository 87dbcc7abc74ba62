/**
 * Order history benchmark: p50/p99 latency of `GET /users/:userId/orders` (first page, 50 orders) against the built
 * Order Service, with more and more orders in the table. The ratio to the 10^3 figure shows whether the history index
 * keeps the query independent of the table size (goal: ≤ 1.5 at 10^6).
 *
 *   npx nx run bench:order-history   [-- --quick]
 *
 * With DATABASE_URL set it measures PostgreSQL at 10^3, 10^5 and 10^6 orders, each size in a database of its own
 * created (and dropped) next to the one DATABASE_URL names. Without it, it measures what anyone can run: the embedded
 * PGlite database at 10^3 and 10^4 orders (each in a scratch folder), and says which rows it skipped. For each size
 * it migrates the store with the built service (`--migrate-only`), bulk-loads orders with generate_series, starts the
 * service on it, then measures the sizes in interleaved rounds. It appends a dated entry to bench/RESULTS.md (not
 * with --quick: a smoke run, 10^3 and 10^4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Client } from 'pg';
import { request, Agent } from 'undici';

const root = join(__dirname, '..');
const ORDER_SERVICE = join(root, 'dist/apps/order-service/main.js');
const quick = process.argv.includes('--quick');
const POSTGRES_SIZES = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
/** The embedded database is one WebAssembly process per service: 10^4 orders shows the trend at a bearable load time. */
const PGLITE_SIZES = [1_000, 10_000];
const WARMUP = quick ? 200 : 1_000;
/** Sizes are measured in turns, ROUNDS times, so a burst of load on the machine hits every size alike. */
const ROUNDS = quick ? 3 : 7;
const SAMPLES_PER_ROUND = quick ? 200 : 600;
/** The user whose first page is measured: the same 500 orders at every table size. */
const HISTORY_USER = 'bench-user';
const HISTORY_ORDERS = 500;
/** Everyone else's orders are spread over this many users. */
const OTHER_USERS = 10_000;

/** What the load statements need of a Drizzle handle, on either driver. */
interface SqlSession {
  execute(query: SQL): Promise<unknown>;
}

/** Where one size's orders live: the service's environment for it, a session to load it, and how to remove it. */
interface Store {
  serviceEnv: Record<string, string>;
  withSession(work: (db: SqlSession) => Promise<unknown>): Promise<void>;
  remove(): Promise<void>;
}

/** A database engine the bench can measure: the sizes it runs, how to make a store, and its name and version. */
interface Engine {
  name: string;
  sizes: number[];
  createStore(size: number): Promise<Store>;
  version(): Promise<string>;
}

/** One table size: its own store and its own Order Service process. */
interface Subject {
  size: number;
  store?: Store;
  service?: ChildProcess;
  url?: string;
  loadSeconds: number;
}

async function main(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'] || undefined;
  const engine = serverUrl ? postgres(serverUrl) : pglite();
  if (!serverUrl) {
    process.stdout.write(
      `Skipped: PostgreSQL at ${POSTGRES_SIZES.map(sizeLabel).join(', ')} orders — DATABASE_URL is not set ` +
        `(set it to a PostgreSQL server to measure them). Measuring ${engine.name} at ` +
        `${engine.sizes.map(sizeLabel).join(', ')} orders instead.\n`,
    );
  }
  const subjects: Subject[] = [];
  try {
    for (const size of engine.sizes) {
      await prepare(engine, size, subjects);
      process.stderr.write(`loaded ${size} orders\n`);
    }
    const perRound = new Map<number, { p50: number[]; p99: number[] }>(engine.sizes.map((size) => [size, { p50: [], p99: [] }]));
    for (const subject of subjects) await measure(urlOf(subject), WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so no size is always measured first (or last) in a round.
      const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]);
      for (const subject of order) {
        const { p50, p99 } = await measure(urlOf(subject), SAMPLES_PER_ROUND);
        perRound.get(subject.size)?.p50.push(p50);
        perRound.get(subject.size)?.p99.push(p99);
      }
      process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
    }
    const rows = subjects.map((subject) => {
      const figures = perRound.get(subject.size) as { p50: number[]; p99: number[] };
      return { size: subject.size, loadSeconds: subject.loadSeconds, p50: median(figures.p50), p99: median(figures.p99) };
    });
    const table = render(rows);
    process.stdout.write(`\n${engine.name}:\n\n${table}\n`);
    if (!quick) appendFileSync(join(__dirname, 'RESULTS.md'), entry(table, await engine.version(), serverUrl !== undefined));
  } finally {
    for (const subject of subjects) {
      subject.service?.kill('SIGTERM');
      if (subject.service && subject.service.exitCode === null) await once(subject.service, 'exit');
      await subject.store?.remove();
    }
  }
}

/** PostgreSQL: one database per size beside the one `serverUrl` names. */
function postgres(serverUrl: string): Engine {
  return {
    name: 'PostgreSQL',
    sizes: POSTGRES_SIZES,
    async createStore(size) {
      const database = `order_history_bench_${process.pid}_${size}`;
      await onServer(serverUrl, (db) => db.execute(sql`create database ${sql.identifier(database)}`));
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return {
        serviceEnv: { DATABASE_URL: url.toString() },
        withSession: (work) => onServer(url.toString(), work),
        remove: () => onServer(serverUrl, (db) => db.execute(sql`drop database if exists ${sql.identifier(database)} with (force)`)),
      };
    },
    async version() {
      let version = '';
      await onServer(serverUrl, async (db) => {
        const result = await db.execute<{ server_version: string }>(sql`show server_version`);
        version = result.rows[0].server_version.split(' ')[0];
      });
      return `PostgreSQL ${version}`;
    },
  };
}

/** Embedded PGlite: one scratch folder per size, loaded here while no service holds it, then opened by the service. */
function pglite(): Engine {
  return {
    name: 'embedded PGlite',
    sizes: PGLITE_SIZES,
    async createStore() {
      const folder = mkdtempSync(join(tmpdir(), 'order-history-bench-'));
      return {
        // DATABASE_URL empty means unset to the service, whatever the bench inherited.
        serviceEnv: { DATABASE_URL: '', PGLITE_DIR: folder },
        async withSession(work) {
          const client = await PGlite.create(folder);
          try {
            await work(drizzlePglite(client));
          } finally {
            await client.close();
          }
        },
        remove: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
    version: async () => `embedded PGlite ${packageVersion('@electric-sql/pglite')}`,
  };
}

/** Creates a store, migrates it with the built service, bulk-loads `size` orders, then starts the service on it. */
async function prepare(engine: Engine, size: number, subjects: Subject[]): Promise<void> {
  const subject: Subject = { size, loadSeconds: 0 };
  subjects.push(subject); // removed in the end even if this fails half-way
  subject.store = await engine.createStore(size);
  const env = { ...process.env, ...subject.store.serviceEnv };
  const migrate = spawn(process.execPath, [ORDER_SERVICE, '--migrate-only'], { env, stdio: 'ignore' });
  const [code] = (await once(migrate, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`Order Service --migrate-only exited with code ${code}`);
  await subject.store.withSession(async (db) => {
    // Timed from an open session: opening the embedded database (booting PGlite) is not loading orders.
    const began = performance.now();
    await loadUsers(db);
    await loadOrders(db, size);
    await db.execute(sql`vacuum analyze`);
    subject.loadSeconds = (performance.now() - began) / 1000;
  });
  const port = await unusedPort();
  subject.service = spawn(process.execPath, [ORDER_SERVICE], { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  subject.url = `http://127.0.0.1:${port}`;
  await waitUntilReady(subject.url, subject.service);
}

function urlOf(subject: Subject): string {
  return subject.url as string;
}

/** A port the OS hands out on 127.0.0.1 (the e2e project has the same helper; projects do not import each other). */
async function unusedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resolves once the service answers ready (it has migrated its database); rejects if it exits or takes 2 minutes. */
async function waitUntilReady(base: string, service: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`Order Service exited with code ${service.exitCode}`);
    const ready = await fetch(`${base}/health/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Order Service not ready after 120 s');
}

interface Row {
  size: number;
  loadSeconds: number;
  p50: number;
  p99: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function loadUsers(db: SqlSession): Promise<void> {
  await db.execute(sql`insert into users (id) values (${HISTORY_USER})`);
  await db.execute(sql`insert into users (id) select 'user-' || g from generate_series(1, ${OTHER_USERS}::int) g`);
}

/** `count` orders: the first HISTORY_ORDERS belong to the measured user, the rest to everyone else. */
async function loadOrders(db: SqlSession, count: number): Promise<void> {
  await db.execute(sql`
    insert into orders (id, user_id, item, quantity, created_at)
    select 'bench-' || g,
           case when g <= ${HISTORY_ORDERS}::int then ${HISTORY_USER} else 'user-' || (1 + g % ${OTHER_USERS}::int) end,
           'item ' || g,
           1 + g % 5,
           timestamptz '2024-01-01' + g * interval '1 second'
    from generate_series(1, ${count}::int) g`);
}

/** `samples` sequential requests on one keep-alive connection: latency, not throughput. */
async function measure(base: string, samples: number): Promise<{ p50: number; p99: number }> {
  const dispatcher = new Agent({ connections: 1 });
  const path = `${base}/users/${HISTORY_USER}/orders`;
  const once = async (): Promise<number> => {
    const started = performance.now();
    const response = await request(path, { dispatcher });
    const body = (await response.body.json()) as unknown[];
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200 || body.length !== 50) throw new Error(`unexpected answer ${response.statusCode}`);
    return elapsed;
  };
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await once());
  await dispatcher.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

function render(rows: Row[]): string {
  const [baseline] = rows;
  const lines = [
    '| orders in table | load (s) | p50 (ms) | p99 (ms) | p50 ratio vs 10^3 | p99 ratio vs 10^3 |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.size.toLocaleString('en-US')} | ${row.loadSeconds.toFixed(1)} | ${row.p50.toFixed(2)} | ` +
        `${row.p99.toFixed(2)} | ${(row.p50 / baseline.p50).toFixed(2)} | ${(row.p99 / baseline.p99).toFixed(2)} |`,
    ),
  ];
  return lines.join('\n');
}

function entry(table: string, engineVersion: string, onPostgres: boolean): string {
  const goal = onPostgres
    ? 'Goal: ratio ≤ 1.5 at 10^6.'
    : 'DATABASE_URL not set: PostgreSQL rows (10^5, 10^6, where the goal ratio ≤ 1.5 at 10^6 is judged) skipped.';
  return [
    '',
    `## ${new Date().toISOString().slice(0, 10)} — order history, first page (bench/order-history.ts)`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `Node ${process.version}, ${engineVersion}, drizzle-orm ${packageVersion('drizzle-orm')}, pg ${packageVersion('pg')}, ` +
      `fastify ${packageVersion('fastify')}. Built Order Service as a process; ${HISTORY_ORDERS} orders for the measured ` +
      `user, the rest over ${OTHER_USERS.toLocaleString('en-US')} users; one database and one service process per ` +
      `size, ${WARMUP} warm-up requests each, then ${ROUNDS} interleaved rounds of ${SAMPLES_PER_ROUND} sequential ` +
      '`GET /users/bench-user/orders` (50 orders) per size on one keep-alive connection; figures are the medians of ' +
      `the per-round p50/p99. ${goal}`,
    '',
    table,
    '',
  ].join('\n');
}

function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function sizeLabel(size: number): string {
  return `10^${Math.log10(size)}`;
}

async function onServer(serverUrl: string, work: (db: NodePgDatabase) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(drizzleNodePg(client));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
