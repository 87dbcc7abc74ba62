/**
 * Order history benchmark: p50/p99 latency of `GET /users/:userId/orders` (first page, 50 orders) against the built
 * Order Service on PostgreSQL, with 10^3, 10^5 and 10^6 orders in the table. The ratio to the 10^3 figure shows
 * whether the history index keeps the query independent of the table size (goal: ≤ 1.5 at 10^6).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx nx run bench:order-history   [-- --quick]
 *
 * It creates (and drops) a database of its own next to the one DATABASE_URL names, bulk-loads orders with
 * generate_series, and appends a dated entry to bench/RESULTS.md (not with --quick: a smoke run, 10^3 and 10^4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Client } from 'pg';
import { request, Agent } from 'undici';

const root = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
const WARMUP = quick ? 200 : 1_000;
const SAMPLES = quick ? 500 : 3_000;
/** The user whose first page is measured: the same 500 orders at every table size. */
const HISTORY_USER = 'bench-user';
const HISTORY_ORDERS = 500;
/** Everyone else's orders are spread over this many users. */
const OTHER_USERS = 10_000;

async function main(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const name = `order_history_bench_${process.pid}`;
  await onServer(serverUrl, (db) => db.execute(sql`create database ${sql.identifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let service: ChildProcess | undefined;
  const client = new Client({ connectionString: url.toString() });
  try {
    const port = await freePort();
    service = spawn(process.execPath, [join(root, 'dist/apps/order-service/main.js')], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(base, service); // the service has applied its migrations
    await client.connect();
    const db = drizzle(client);
    await loadUsers(db);
    const rows: Row[] = [];
    let loaded = 0;
    for (const size of SIZES) {
      const started = performance.now();
      await loadOrders(db, loaded, size);
      await db.execute(sql`vacuum analyze orders`);
      loaded = size;
      const loadSeconds = (performance.now() - started) / 1000;
      rows.push({ size, loadSeconds, ...(await measure(base)) });
      process.stderr.write(`measured ${size} orders\n`);
    }
    const table = render(rows);
    process.stdout.write(`\n${table}\n`);
    if (!quick) appendFileSync(join(__dirname, 'RESULTS.md'), entry(table, await serverVersion(db)));
  } finally {
    service?.kill('SIGTERM');
    await client.end().catch(() => undefined);
    await onServer(serverUrl, (db) => db.execute(sql`drop database if exists ${sql.identifier(name)} with (force)`));
  }
}

interface Row {
  size: number;
  loadSeconds: number;
  p50: number;
  p99: number;
}

async function loadUsers(db: NodePgDatabase): Promise<void> {
  await db.execute(sql`insert into users (id) values (${HISTORY_USER})`);
  await db.execute(sql`insert into users (id) select 'user-' || g from generate_series(1, ${OTHER_USERS}::int) g`);
}

/** Orders `from + 1 … to`: the first HISTORY_ORDERS belong to the measured user, the rest to everyone else. */
async function loadOrders(db: NodePgDatabase, from: number, to: number): Promise<void> {
  await db.execute(sql`
    insert into orders (id, user_id, item, quantity, created_at)
    select 'bench-' || g,
           case when g <= ${HISTORY_ORDERS}::int then ${HISTORY_USER} else 'user-' || (1 + g % ${OTHER_USERS}::int) end,
           'item ' || g,
           1 + g % 5,
           timestamptz '2024-01-01' + g * interval '1 second'
    from generate_series(${from + 1}::int, ${to}::int) g`);
}

/** Sequential requests on one keep-alive connection: latency, not throughput. */
async function measure(base: string): Promise<{ p50: number; p99: number }> {
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
  for (let i = 0; i < WARMUP; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await once());
  await dispatcher.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
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

function entry(table: string, postgresVersion: string): string {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    '',
    `## ${new Date().toISOString().slice(0, 10)} — order history, first page (bench/order-history.ts)`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `Node ${process.version}, ${postgresVersion}, drizzle-orm ${version('drizzle-orm')}, pg ${version('pg')}, ` +
      `fastify ${version('fastify')}. Built Order Service as a process; ${HISTORY_ORDERS} orders for the measured ` +
      `user, the rest over ${OTHER_USERS.toLocaleString('en-US')} users; ${WARMUP} warm-up then ${SAMPLES} sequential ` +
      'requests of `GET /users/bench-user/orders` (50 orders) per size, one keep-alive connection. Goal: ratio ≤ 1.5 at 10^6.',
    '',
    table,
    '',
  ].join('\n');
}

async function serverVersion(db: NodePgDatabase): Promise<string> {
  const result = await db.execute<{ server_version: string }>(sql`show server_version`);
  return `PostgreSQL ${result.rows[0].server_version.split(' ')[0]}`;
}

async function onServer(serverUrl: string, work: (db: NodePgDatabase) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(drizzle(client));
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base: string, service: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`Order Service exited with code ${service.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Order Service not ready after 120 s');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
