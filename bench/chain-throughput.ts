/**
 * Chain throughput: autocannon against User Service → Order Service (production builds from dist/, one User
 * Service per client transport) and against a raw node:http two-hop baseline answering the same bytes. Runs are
 * interleaved round by round; ratios are taken per round against that round's baseline, then the median. With
 * DATABASE_URL set, the chain is also measured with the Order Service on PostgreSQL (a scratch database of its own,
 * the CPU of its PostgreSQL backends counted with the chain's).
 *
 * `--transports` trims the run to what decides the client transport: the baseline, the User Service on the undici
 * and on the tuned http transport, each in front of the Order Service and of the raw back hop; `--rounds=N` and
 * `--fixed-rate-rounds=N` set the number of rounds, `--fixed-rate=N` the fixed rate (req/s; on a loaded machine the
 * chains may not sustain the default).
 *
 *   node -r @swc-node/register bench/chain-throughput.ts [--quick] [--transports] [--rounds=N] [--fixed-rate-rounds=N] [--fixed-rate=N]
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { isQuick, numberArg } from './lib/bench-args';
import { BenchProcess } from './lib/bench-process';
import { createScratchDatabase, dropScratchDatabase, PostgresBackends } from './lib/postgres-backends';
import { describeMachine, loadAverage, WORKSPACE_ROOT } from './lib/machine';
import { markdownTable } from './lib/markdown-table';
import { publishResults } from './lib/results-file';
import { assertFigures, fmt, median } from './lib/stats';

const QUICK = isQuick();
const TRANSPORTS_ONLY = !QUICK && process.argv.slice(2).includes('--transports');
const PATH = '/users/user123/orders';
const CONNECTIONS = 10;
const SECONDS = QUICK ? 2 : 5;
const ROUNDS = QUICK ? 1 : numberArg('rounds', 5);
const WARMUP_SECONDS = QUICK ? 1 : 2;
/**
 * At saturation the baseline batches more requests per event-loop turn, which lowers its CPU per request; the
 * same chains are therefore also measured at one fixed rate every variant sustains, for a like-for-like CPU and p99.
 */
const FIXED_RATE = QUICK ? 200 : numberArg('fixed-rate', 500);
const FIXED_RATE_ROUNDS = QUICK ? 0 : numberArg('fixed-rate-rounds', 3);
/** With DATABASE_URL: the Nest chain on PostgreSQL, and a raw two-hop whose back hop reads the same database. */
const NEST_ON_POSTGRES = 'Nest+Fastify, axios undici adapter, keep-alive — Order Service on PostgreSQL';
const RAW_ON_POSTGRES = 'raw node:http + undici two-hop, back hop reading the same PostgreSQL rows';

interface Variant {
  name: string;
  /** A whole chain (compared with the baseline) or one hop alone (shows where the cost is). */
  kind: 'chain' | 'hop';
  /** Processes the variant's requests pass through (CPU and memory are summed over them). */
  processes: MeasuredProcess[];
  url: string;
}

/** What a variant's CPU and memory are read from: a bench process, or a database's server processes. */
interface MeasuredProcess {
  cpuSeconds(): number;
  rssMiB(): number;
}

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerRequest: number;
  /** The first of the variant's processes alone (for a User Service variant: the User Service). */
  frontCpuMicrosPerRequest: number;
  rssMiB: number;
}

const UNDICI_CHAIN = 'Nest+Fastify, axios undici adapter, keep-alive (default)';
const HTTP_CHAIN = 'Nest+Fastify, axios http adapter tuned (keep-alive, maxRedirects 0, proxy false)';
const toRawBackHop = (transport: string) => `User Service (${transport}) → raw back hop`;

/** The User Service variants: transport under HttpService × keep-alive; `compared` ones run with --transports. */
const USER_SERVICE_VARIANTS: { name: string; env: Record<string, string>; quick: boolean; compared: boolean }[] = [
  { name: 'Nest+Fastify, axios fetch adapter', env: { ORDER_SERVICE_TRANSPORT: 'fetch' }, quick: false, compared: false },
  { name: HTTP_CHAIN, env: { ORDER_SERVICE_TRANSPORT: 'http' }, quick: false, compared: true },
  {
    name: 'Nest+Fastify, axios http adapter tuned, no keep-alive',
    env: { ORDER_SERVICE_TRANSPORT: 'http', ORDER_SERVICE_KEEP_ALIVE: 'false' },
    quick: false,
    compared: false,
  },
  { name: UNDICI_CHAIN, env: { ORDER_SERVICE_TRANSPORT: 'undici' }, quick: true, compared: true },
  {
    name: 'Nest+Fastify, axios undici adapter, no keep-alive',
    env: { ORDER_SERVICE_TRANSPORT: 'undici', ORDER_SERVICE_KEEP_ALIVE: 'false' },
    quick: false,
    compared: false,
  },
];

function load(url: string, seconds: number, overallRate?: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, overallRate });
}

async function measure(variant: Variant, overallRate?: number): Promise<Round> {
  const frontBefore = variant.processes[0].cpuSeconds();
  const cpuBefore = variant.processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);
  const result = await load(variant.url, SECONDS, overallRate);
  const cpuAfter = variant.processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);
  const frontAfter = variant.processes[0].cpuSeconds();
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(`${variant.name}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  }
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / (result.duration || SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: ((cpuAfter - cpuBefore) / requests) * 1e6,
    frontCpuMicrosPerRequest: ((frontAfter - frontBefore) / requests) * 1e6,
    rssMiB: variant.processes.reduce((sum, p) => sum + p.rssMiB(), 0),
  };
}

async function bodyOf(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return text;
}

async function main(): Promise<void> {
  const startLoad = loadAverage();
  const started: BenchProcess[] = [];
  const startProcess = async (...args: Parameters<typeof BenchProcess.start>) => {
    const process = await BenchProcess.start(...args);
    started.push(process);
    return process;
  };
  // --transports compares the client transports only: no PostgreSQL rows.
  const serverUrl = (!TRANSPORTS_ONLY && process.env['DATABASE_URL']) || undefined;
  const scratchDatabase = `chain_bench_${process.pid}`;
  try {
    const dist = (app: string) => join(WORKSPACE_ROOT, 'dist/apps', app, 'main.js');
    const startOrderService = (name: string, env: Record<string, string>) =>
      startProcess(name, [dist('order-service')], env, '/health/live');
    const startUserService = (name: string, orderServiceUrl: string, env: Record<string, string> = {}) =>
      startProcess(
        name,
        [dist('user-service')],
        { ORDER_SERVICE_URL: orderServiceUrl, ORDER_SERVICE_TIMEOUT_MS: '10000', ...env },
        '/health/live',
      );
    // Its own in-memory embedded database with the demo data (as e2e/full-stack), even when the run has a DATABASE_URL.
    const orderService = await startOrderService('order-service', { SEED_DEMO_DATA: 'true', DATABASE_URL: '' });
    const orderBody = await bodyOf(`${orderService.url}${PATH}`);

    const back = await startProcess('baseline back', [join(__dirname, 'baseline/two-hop-back.mjs')], { BODY: orderBody }, PATH);
    const front = await startProcess(
      'baseline front',
      [join(__dirname, 'baseline/two-hop-front.mjs')],
      { BACK_URL: back.url },
      PATH,
    );
    const variants: Variant[] = [
      { name: 'raw node:http + undici two-hop (baseline)', kind: 'chain', processes: [front, back], url: `${front.url}${PATH}` },
    ];
    const userServices: BenchProcess[] = [];
    for (const { name, env } of USER_SERVICE_VARIANTS.filter((v) => (QUICK ? v.quick : !TRANSPORTS_ONLY || v.compared))) {
      const userService = await startUserService(name, orderService.url, env);
      userServices.push(userService);
      variants.push({ name, kind: 'chain', processes: [userService, orderService], url: `${userService.url}${PATH}` });
    }
    if (serverUrl) {
      const databaseUrl = await createScratchDatabase(serverUrl, scratchDatabase);
      const backends = new PostgresBackends(scratchDatabase);
      const onPostgres = await startOrderService('order-service on PostgreSQL', { SEED_DEMO_DATA: 'true', DATABASE_URL: databaseUrl });
      const userService = await startUserService(NEST_ON_POSTGRES, onPostgres.url, { ORDER_SERVICE_TRANSPORT: 'undici' });
      variants.push({ name: NEST_ON_POSTGRES, kind: 'chain', processes: [userService, onPostgres, backends], url: `${userService.url}${PATH}` });
      // What the framework adds on top of the same database work: the baseline, its back hop reading the rows.
      const dbBack = await startProcess('baseline back on PostgreSQL', [join(__dirname, 'baseline/two-hop-back-db.mjs')], { DATABASE_URL: databaseUrl }, PATH);
      const dbFront = await startProcess('baseline front on PostgreSQL', [join(__dirname, 'baseline/two-hop-front.mjs')], { BACK_URL: dbBack.url }, PATH);
      variants.push({
        name: RAW_ON_POSTGRES,
        kind: 'chain',
        processes: [dbFront, dbBack, backends],
        url: `${dbFront.url}${PATH}`,
      });
      if (!QUICK) {
        // What the one request line per request costs both services (a planning question: lines off by default?).
        const quiet = { LOG_LEVEL: 'warn' };
        const quietOrders = await startOrderService('order-service on PostgreSQL, no request lines', { DATABASE_URL: databaseUrl, ...quiet });
        const quietName = `${NEST_ON_POSTGRES}, no request lines (LOG_LEVEL=warn on both)`;
        const quietUsers = await startUserService(quietName, quietOrders.url, { ORDER_SERVICE_TRANSPORT: 'undici', ...quiet });
        variants.push({ name: quietName, kind: 'chain', processes: [quietUsers, quietOrders, backends], url: `${quietUsers.url}${PATH}` });
        variants.push({
          name: 'Order Service on PostgreSQL alone (+ its PostgreSQL backends)',
          kind: 'hop',
          processes: [onPostgres, backends],
          url: `${onPostgres.url}${PATH}`,
        });
      }
    }
    // The Order Service answers from its database (embedded PGlite), which the baseline's back hop does not have:
    // the User Service in front of the baseline's own back hop isolates what the User Service and its client add.
    for (const transport of QUICK ? ['undici'] : ['undici', 'http']) {
      const name = toRawBackHop(transport);
      const userService = await startUserService(name, back.url, { ORDER_SERVICE_TRANSPORT: transport });
      variants.push({ name, kind: 'chain', processes: [userService, back], url: `${userService.url}${PATH}` });
    }
    if (!QUICK && !TRANSPORTS_ONLY) {
      const userService = userServices[0];
      variants.push(
        { name: 'raw node:http back hop alone', kind: 'hop', processes: [back], url: `${back.url}${PATH}` },
        { name: 'Order Service alone', kind: 'hop', processes: [orderService], url: `${orderService.url}${PATH}` },
        { name: 'User Service GET /health/live alone', kind: 'hop', processes: [userService], url: `${userService.url}/health/live` },
      );
    }

    // Same bytes through every chain, or the comparison means nothing.
    const expected = await bodyOf(variants[1].url);
    for (const variant of variants.filter((v) => v.kind === 'chain')) {
      const body = await bodyOf(variant.url);
      if (body !== expected) throw new Error(`${variant.name} answers different bytes:\n${body}\nvs\n${expected}`);
    }
    for (const variant of variants) await load(variant.url, WARMUP_SECONDS);

    const rounds = new Map<string, Round[]>(variants.map((v) => [v.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so no variant always runs first (or right after the heaviest one).
      const order = variants.map((_, i) => variants[(i + round) % variants.length]);
      for (const variant of order) {
        const figures = await measure(variant);
        rounds.get(variant.name)?.push(figures);
        console.log(
          `round ${round + 1}/${ROUNDS} ${variant.name}: ${fmt(figures.requestsPerSecond, 0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${fmt(figures.cpuMicrosPerRequest, 0)} µs CPU/req, load ${loadAverage()}`,
        );
      }
    }
    const chains = variants.filter((v) => v.kind === 'chain');
    const fixedRate = new Map<string, Round[]>(chains.map((v) => [v.name, []]));
    for (let round = 0; round < FIXED_RATE_ROUNDS; round++) {
      for (const variant of chains.map((_, i) => chains[(i + round) % chains.length])) {
        const figures = await measure(variant, FIXED_RATE);
        fixedRate.get(variant.name)?.push(figures);
        console.log(`fixed ${FIXED_RATE} req/s, round ${round + 1}/${FIXED_RATE_ROUNDS} ${variant.name}: p99 ${figures.p99} ms, ${fmt(figures.cpuMicrosPerRequest, 0)} µs CPU/req, load ${loadAverage()}`);
      }
    }
    report(variants, rounds, fixedRate, expected.length, startLoad);
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    if (serverUrl) await dropScratchDatabase(serverUrl, scratchDatabase);
  }
}

/** Median over rounds of a variant's figure divided by the baseline's in the same round. */
function ratioToBaseline(rounds: Map<string, Round[]>, baselineName: string, name: string, pick: (r: Round) => number): number {
  const baseline = rounds.get(baselineName) ?? [];
  return median((rounds.get(name) ?? []).map((r, i) => pick(r) / pick(baseline[i])));
}

/** A variant's medians over rounds, and its per-round ratios to `baselineName` (then the median); throws if any is missing. */
function figuresOf(rounds: Map<string, Round[]>, baselineName: string, name: string, label = name) {
  const own = rounds.get(name) ?? [];
  const ratio = (pick: (r: Round) => number) => ratioToBaseline(rounds, baselineName, name, pick);
  const figures = {
    rps: median(own.map((r) => r.requestsPerSecond)),
    p50: median(own.map((r) => r.p50)),
    p99: median(own.map((r) => r.p99)),
    cpu: median(own.map((r) => r.cpuMicrosPerRequest)),
    rss: median(own.map((r) => r.rssMiB)),
    rpsRatio: ratio((r) => r.requestsPerSecond),
    p99Ratio: ratio((r) => r.p99),
    cpuRatio: ratio((r) => r.cpuMicrosPerRequest),
  };
  assertFigures(label, Object.values(figures));
  return figures;
}

/** The Nest chains on PostgreSQL against the raw two-hop doing the same database work, per round. */
function againstSameDatabase(rounds: Map<string, Round[]>): string {
  const nestChains = [...rounds.keys()].filter((name) => name.startsWith(NEST_ON_POSTGRES));
  const rows = [RAW_ON_POSTGRES, ...nestChains].map((name) => {
    const f = figuresOf(rounds, RAW_ON_POSTGRES, name, `${name} against the same database`);
    return [name, fmt(f.rps, 0), fmt(f.p99), fmt(f.cpu, 0), fmt(f.rpsRatio, 2), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2)];
  });
  return markdownTable(
    ['against a raw two-hop reading the same database', 'req/s', 'p99 ms', 'CPU µs/req', 'req/s ÷ raw-on-db', 'p99 ÷ raw-on-db', 'CPU ÷ raw-on-db'],
    rows,
  );
}

/** Per round, how much less CPU per request `own` used than `other` (in %): the median, and every round's figure. */
function savingPercent(own: Round[], other: Round[], pick: (r: Round) => number): string {
  const perRound = own.map((r, i) => (1 - pick(r) / pick(other[i])) * 100);
  assertFigures('transport saving', perRound);
  return `**${fmt(median(perRound))} %** (${perRound.map((p) => fmt(p, 0)).join(' / ')})`;
}

/**
 * The decision figure of the client transport: the undici adapter against the tuned http adapter, in front of the
 * Order Service and of the raw back hop, saturated and at the fixed rate; the whole chain's CPU and the User
 * Service's alone. Empty when a run lacks either transport (as --quick does).
 */
function transportComparison(rounds: Map<string, Round[]>, fixedRate: Map<string, Round[]>): string[] {
  const pairs = [
    ['in front of the Order Service (full chain)', UNDICI_CHAIN, HTTP_CHAIN],
    ['in front of the raw back hop', toRawBackHop('undici'), toRawBackHop('http')],
  ];
  const runs: [string, Map<string, Round[]>][] = [['saturated', rounds], [`fixed ${FIXED_RATE} req/s`, fixedRate]];
  const rows = runs.flatMap(([load, byName]) =>
    pairs.flatMap(([where, undiciName, httpName]) => {
      const undici = byName.get(undiciName) ?? [];
      const http = byName.get(httpName) ?? [];
      if (undici.length === 0 || http.length === 0) return [];
      const cpu = (own: Round[], pick: (r: Round) => number) => fmt(median(own.map(pick)), 0);
      const chainCpu = (r: Round) => r.cpuMicrosPerRequest;
      const userServiceCpu = (r: Round) => r.frontCpuMicrosPerRequest;
      return [[
        `${where}, ${load}`,
        cpu(http, chainCpu),
        cpu(undici, chainCpu),
        savingPercent(undici, http, chainCpu),
        cpu(http, userServiceCpu),
        cpu(undici, userServiceCpu),
        savingPercent(undici, http, userServiceCpu),
      ]];
    }),
  );
  if (rows.length === 0) return [];
  return [markdownTable(
    ['undici vs tuned http', 'http CPU µs/req', 'undici CPU µs/req', 'undici cheaper by (rounds)', 'User Service alone: http', 'undici', 'cheaper by (rounds)'],
    rows,
  )];
}

function report(variants: Variant[], rounds: Map<string, Round[]>, fixedRate: Map<string, Round[]>, bytes: number, startLoad: string): void {
  const rows = variants
    .filter((v) => v.kind === 'chain')
    .map(({ name }) => {
      const f = figuresOf(rounds, variants[0].name, name);
      const goals = f.rpsRatio >= 0.6 && f.p99Ratio <= 2 && f.cpuRatio <= 1.5 ? 'met' : 'not met';
      return [name, fmt(f.rps, 0), fmt(f.p50), fmt(f.p99), fmt(f.cpu, 0), fmt(f.rss, 0), fmt(f.rpsRatio, 2), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2), goals];
    });
  const hops = variants
    .filter((v) => v.kind === 'hop')
    .map(({ name }) => {
      const own = rounds.get(name) ?? [];
      return [name, fmt(median(own.map((r) => r.requestsPerSecond)), 0), fmt(median(own.map((r) => r.cpuMicrosPerRequest)), 0)];
    });
  const table = [
    markdownTable(
      ['chain', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'RSS MiB', 'req/s ÷ base', 'p99 ÷ base', 'CPU ÷ base', 'goals'],
      rows,
    ),
    ...(FIXED_RATE_ROUNDS === 0 ? [] : [markdownTable(
      [`same chains at a fixed ${FIXED_RATE} req/s`, 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'p99 ÷ base', 'CPU ÷ base'],
      [...fixedRate.keys()].map((name) => {
        const f = figuresOf(fixedRate, variants[0].name, name, `${name} at ${FIXED_RATE} req/s`);
        return [name, fmt(f.rps, 0), fmt(f.p50), fmt(f.p99), fmt(f.cpu, 0), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2)];
      }),
    )]),
    ...(rounds.has(RAW_ON_POSTGRES) ? [againstSameDatabase(rounds)] : []),
    ...transportComparison(rounds, fixedRate),
    ...(hops.length > 0 ? [markdownTable(['one hop alone, saturated (where the cost is)', 'req/s', 'CPU µs/req'], hops)] : []),
  ].join('\n\n');
  const setup =
    `autocannon ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} interleaved rounds (after ${WARMUP_SECONDS} s warm-up each), ` +
    `GET ${PATH} (${bytes} bytes). Figures are medians over rounds; ratios are per-round against the baseline, then ` +
    `the median. CPU and RSS are summed over both hops' processes. Goals: req/s ≥ 0.6×, p99 ≤ 2×, CPU/request ≤ 1.5× the baseline ` +
    `("goals" judges the saturated runs). The Order Service runs on an in-memory embedded PGlite database with the demo ` +
    `data (as e2e/full-stack), and in the "on PostgreSQL" rows on a scratch PostgreSQL database with the same data, ` +
    `whose backends' CPU and memory are counted with the chain's (also for the raw two-hop whose back hop reads the same ` +
    `rows by one prepared statement through pg, bench/baseline/two-hop-back-db.mjs; memory counts every backend of that ` +
    `database, the idle ones of the other PostgreSQL rows included); "no request lines" runs both services ` +
    `with LOG_LEVEL=warn (no "request completed" line); "User Service → raw back hop" rows put the User Service in front of the baseline's back hop. ` +
    `The http transport is axios' http adapter tuned: keep-alive agents, maxRedirects 0, proxy false. ` +
    (TRANSPORTS_ONLY ? 'Trimmed to the transport comparison (--transports). ' : '') +
    '"undici vs tuned http": CPU per request of the whole chain and of the User Service process alone; "cheaper by" is ' +
    '1 − undici ÷ http per round, the median in bold and every round in brackets. ' +
    (FIXED_RATE_ROUNDS === 0
      ? 'No fixed-rate rounds in --quick.'
      : `Then ${FIXED_RATE_ROUNDS} interleaved round(s) at a fixed ${FIXED_RATE} req/s (autocannon overallRate), where every chain does the same work per second.`);
  const machine = describeMachine(['@nestjs/core', 'fastify', 'axios', 'undici', 'autocannon'], startLoad);
  publishResults('chain throughput', `${machine}\n\n${setup}\n\n${table}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
