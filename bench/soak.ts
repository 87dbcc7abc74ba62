/**
 * Bounded soak: both built services under a steady mix of successes and injected faults, on 127.0.0.1 only.
 *
 *   npx nx soak bench             # 5 minutes
 *   npx nx soak bench -- --quick  # ~20 seconds
 *
 * Two User Services run as real processes: one in front of the real Order Service (200s and 404s), one in
 * front of a socket-level fault server (200s, 503s, hangs, resets, malformed and huge bodies). autocannon drives
 * both at once. Pass criteria, printed and appended to bench/RESULTS.md:
 *   - every answer is the one expected for its path (no error beyond the injected faults, no client error);
 *   - RSS after the run ÷ RSS after warm-up ≤ 1.1 for every process;
 *   - open sockets of every process back to the post-warm-up baseline once the load stops.
 */
import { answers, FaultServer, resetsMidBody, timesOut, type SocketAnswer } from '@boundary/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

// autocannon is CommonJS with no types; `import = require` keeps it callable under swc-node.
import autocannon = require('autocannon');

const root = join(__dirname, '..');
/** Every child process started here, killed on any exit so a failed run leaves nothing behind. */
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));
const quick = process.argv.includes('--quick');
const durationS = quick ? 12 : 300;
const warmUpS = quick ? 8 : 30;
/** Idle time before measuring: longer than Node's 5 s keep-alive timeout, so pooled idle sockets are gone. */
const SETTLE_MS = 6_000;
/** The User Service's credential at the Order Service (ORDER_SERVICE_TOKEN, accepted as ORDER_SERVICE_TOKENS_USER_SERVICE). */
const TOKEN = 'soak-user-service-to-order-service-0123456789';
const MAX_RSS_RATIO = 1.1;
/**
 * Heap cap of each service, as a container would set one. Without it V8 on a large machine grows the heap
 * lazily for minutes before collecting, and RSS growth says nothing about leaks; with it, a leak shows as RSS
 * that keeps climbing (and finally an out-of-memory crash, which fails the run).
 */
const HEAP_CAP_MB = 128;

/**
 * What the fault server does per path, and which answers of the User Service count as the injected fault. A
 * retried fault (503, reset) may also end as 504 when the machine is so busy that the retry's 400 ms attempt
 * runs out: still the injected fault, answered as documented.
 */
const FAULTS: Record<string, { fault: SocketAnswer; expected: number[] }> = {
  '/users/ok/orders': { fault: answers(200, DEMO_ORDERS), expected: [200] },
  '/users/busy/orders': { fault: answers(503), expected: [502, 504] },
  '/users/hang/orders': { fault: timesOut(), expected: [504] },
  '/users/reset/orders': { fault: resetsMidBody(DEMO_ORDERS, 10), expected: [502, 504] },
  '/users/garbage/orders': { fault: answers(200, '[{"order_id":'), expected: [502] },
  '/users/huge/orders': { fault: answers(200, 'x'.repeat(2 * 1024 * 1024)), expected: [502] },
};
const REAL = { '/users/user123/orders': [200], '/users/user456/orders': [404], '/users/user000/orders': [200] };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A built service as its own process, live on 127.0.0.1. */
async function startService(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, join(root, 'dist/apps', name, 'main.js')], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  // As long as the other benchmarks wait (bench/lib/bench-process.ts): PGlite took over 30 s to start at load 10–20.
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} not live after 90 s`);
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '';
  return Number(line.replace(/\D+/g, '')) / 1024;
}

function openSockets(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  byPath: Record<string, Record<number, number>>;
  unexpected: string[];
}

/** Drives `url` with the `expected` paths for `seconds`, checking every answer. */
async function load(url: string, expected: Record<string, number[]>, weights: Record<string, number>, seconds: number, tally: Tally) {
  const requests = Object.entries(weights).flatMap(([path, weight]) =>
    Array.from({ length: weight }, () => ({
      method: 'GET' as const,
      path,
      onResponse: (status: number) => {
        const counts = (tally.byPath[path] ??= {});
        counts[status] = (counts[status] ?? 0) + 1;
        if (!expected[path].includes(status) && tally.unexpected.length < 20) tally.unexpected.push(`${path} → ${status}`);
      },
    })),
  );
  const result = await autocannon({ url, connections: 8, duration: seconds, requests, timeout: 10 });
  return { requests: result.requests.total, errors: result.errors, timeouts: result.timeouts, rps: result.requests.average };
}

async function main(): Promise<void> {
  const faults = await FaultServer.start();
  faults.route((request) => FAULTS[request.target]?.fault);
  // Embedded in-memory database with the demo orders (user123, user000).
  // Production requires a broker URL; the soak only reads, so no event is ever written and nothing answers at this one.
  const orderService = await startService('order-service', {
    ORDER_SERVICE_TOKENS_USER_SERVICE: TOKEN,
    SEED_DEMO_DATA: 'true',
    RABBITMQ_URL: 'amqp://soak:unused@127.0.0.1:1',
  });
  // The healthy side runs with the default policies (2000 ms deadline, 1000 ms attempts, 2 retries, breaker at 5).
  const userToReal = await startService('user-service', { ORDER_SERVICE_TOKEN: TOKEN, ORDER_SERVICE_URL: orderService.url });
  // A breaker that never opens here: the injected faults must keep reaching the fault server for the whole run.
  const userToFaults = await startService('user-service', {
    ORDER_SERVICE_TOKEN: TOKEN,
    ORDER_SERVICE_TIMEOUT_MS: '1000',
    ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: '400',
    ORDER_SERVICE_URL: faults.url,
    ORDER_SERVICE_RETRIES: '1',
    ORDER_SERVICE_BREAKER_FAILURES: '1000000',
  });
  const processes = { 'order-service': orderService.child, 'user-service → order-service': userToReal.child, 'user-service → faults': userToFaults.child };
  const faultExpected = Object.fromEntries(Object.entries(FAULTS).map(([path, { expected }]) => [path, expected]));
  const faultWeights = { '/users/ok/orders': 6, '/users/busy/orders': 2, '/users/hang/orders': 1, '/users/reset/orders': 2, '/users/garbage/orders': 2, '/users/huge/orders': 1 };
  const realWeights = { '/users/user123/orders': 4, '/users/user456/orders': 1, '/users/user000/orders': 1 };

  const run = async (seconds: number, tally: Tally) => {
    const timer = setInterval(() => (faults.requests.length = 0), 5_000);
    const [real, injected] = await Promise.all([
      load(userToReal.url, REAL, realWeights, seconds, tally),
      load(userToFaults.url, faultExpected, faultWeights, seconds, tally),
    ]);
    clearInterval(timer);
    return { real, injected };
  };
  const measure = () =>
    Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, { rss: rssMiB(child.pid ?? 0), sockets: openSockets(child.pid ?? 0) }]));

  process.stdout.write(`warm-up ${warmUpS} s …\n`);
  await run(warmUpS, { byPath: {}, unexpected: [] });
  await sleep(SETTLE_MS);
  const baseline = measure();
  process.stdout.write(`soak ${durationS} s …\n`);
  const tally: Tally = { byPath: {}, unexpected: [] };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(processes).map((name) => [name, []]));
  const sampler = setInterval(() => {
    for (const [name, { rss }] of Object.entries(measure())) samples[name].push(Math.round(rss));
  }, (durationS * 1000) / 10);
  const { real, injected } = await run(durationS, tally);
  clearInterval(sampler);
  await sleep(SETTLE_MS);
  const after = measure();

  const rows = Object.keys(processes).map((name) => {
    const ratio = after[name].rss / baseline[name].rss;
    return { name, rssWarm: baseline[name].rss, rssAfter: after[name].rss, ratio, socketsBase: baseline[name].sockets, socketsAfter: after[name].sockets };
  });
  const clientErrors = real.errors + injected.errors + real.timeouts + injected.timeouts;
  const pass =
    tally.unexpected.length === 0 &&
    clientErrors === 0 &&
    rows.every((r) => r.ratio <= MAX_RSS_RATIO && r.socketsAfter <= r.socketsBase);

  const versions = ['@nestjs/core', 'fastify', 'axios', 'cockatiel', 'nestjs-pino', 'autocannon']
    .map((name) => `${name} ${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`)
    .join(', ');
  const report = [
    `## Soak ${quick ? '(quick) ' : ''}— ${new Date().toISOString()}`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${versions}.`,
    `Run: ${warmUpS} s warm-up, then ${durationS} s, 8 connections per User Service, 127.0.0.1 only; default client policies on the healthy side; deadline 1000 ms, attempts 400 ms, 1 retry, no breaker on the faulty side; services run with --max-old-space-size=${HEAP_CAP_MB}.`,
    '',
    `| load | requests | req/s (mean) | client errors | timeouts |`,
    `|---|---|---|---|---|`,
    `| user-service → order-service | ${real.requests} | ${real.rps.toFixed(0)} | ${real.errors} | ${real.timeouts} |`,
    `| user-service → fault server | ${injected.requests} | ${injected.rps.toFixed(0)} | ${injected.errors} | ${injected.timeouts} |`,
    '',
    `| path | answers (status × count) |`,
    `|---|---|`,
    ...Object.entries(tally.byPath).map(([path, counts]) => `| \`${path}\` | ${Object.entries(counts).map(([s, n]) => `${s} × ${n}`).join(', ')} |`),
    '',
    `| process | RSS after warm-up (MiB) | RSS during the run, every tenth (MiB) | RSS after (MiB) | ratio (≤ ${MAX_RSS_RATIO}) | sockets after warm-up | sockets after |`,
    `|---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.rssWarm.toFixed(1)} | ${samples[r.name].join(' ')} | ${r.rssAfter.toFixed(1)} | ${r.ratio.toFixed(3)} | ${r.socketsBase} | ${r.socketsAfter} |`,
    ),
    '',
    `Unexpected answers: ${tally.unexpected.length === 0 ? 'none' : tally.unexpected.join('; ')}. Verdict: **${pass ? 'PASS' : 'FAIL'}**.`,
    '',
  ].join('\n');
  process.stdout.write(`${report}\n`);
  await faults.stop();
  if (quick) {
    // The CI smoke only proves the soak runs and prints its figures: a 20-second run on a shared machine is no
    // verdict on memory or sockets, so it neither records nor fails on one.
    process.stdout.write('--quick: smoke run, nothing written to bench/RESULTS.md, verdict not enforced\n');
    return;
  }
  appendFileSync(join(root, 'bench/RESULTS.md'), `\n${report}`);
  process.exitCode = pass ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
