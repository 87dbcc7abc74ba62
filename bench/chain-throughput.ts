/**
 * Chain throughput: autocannon against User Service → Order Service (production builds from dist/; the User
 * Service's client on the client core's tuned axios http adapter), interleaved round by round with the chains it is
 * compared with; ratios are taken per round against that round's reference, then the median.
 *
 * With DATABASE_URL (issue 16's frozen suite, the default rows): the chain with the Order Service on PostgreSQL (a
 * scratch database of its own, the CPU of its PostgreSQL backends counted with the chain's), the raw node:http +
 * undici two-hop whose back hop reads the same rows (bench/baseline/two-hop-back-db.mjs), and the peer — the same
 * two services as Nest's documentation would have them written (bench/peer/) — on the same database; then the goals
 * table. Without it: the chain on its embedded database against a raw two-hop answering the same bytes.
 * `--breakdown` adds the rows that show where the cost is (no database, no request lines, each hop alone).
 *
 * `--rounds=N` and `--fixed-rate-rounds=N` set the number of rounds, `--fixed-rate=N` the fixed rate (req/s; on a
 * loaded machine the chains may not sustain it: the fixed-rate table says which did).
 *
 * `--compare-builds=DIR,…` adds the product chain from other builds (an A/B of a change in the same run).
 *
 * With DATABASE_URL the product chain also runs three more times (issue 28's rows; `--no-tracing` leaves them out): a
 * second copy without the OpenTelemetry SDK (the A/A row: how far two identical chains differ in this run), with each
 * service's `tracing.js` preloaded and `OTEL_TRACES_EXPORTER=none` (the services' default), and preloaded exporting
 * OTLP/HTTP to a local sink; each compared build adds its own chain with its `tracing.js` preloaded, not exporting and
 * exporting (to the same sink).
 *
 *   node -r @swc-node/register bench/chain-throughput.ts [--quick] [--breakdown] [--no-tracing] [--rounds=N] [--fixed-rate-rounds=N] [--fixed-rate=N] [--compare-builds=DIR,…]
 */
import { basename, join, resolve } from 'node:path';
import { hasFlag, isQuick, listArg, numberArg } from './lib/bench-args';
import { BenchProcesses } from './lib/bench-process';
import { OtlpSink } from './lib/otlp-sink';
import { bodyOf, CHAIN_PATH as PATH, ChainServices, PEER_CHAIN, startPeer, CONNECTIONS, load, measureWindow, REWARM_SECONDS, type ChainWindow as Round, type MeasuredProcess } from './lib/chain-window';
import { createScratchDatabase, dropScratchDatabase, PostgresBackends } from './lib/postgres-backends';
import { goalsTable, type Goal } from './lib/goals';
import { describeMachine, loadAverage } from './lib/machine';
import { markdownTable } from './lib/markdown-table';
import { publishResults } from './lib/results-file';
import { assertFigures, fmt, median } from './lib/stats';

const QUICK = isQuick();
const SECONDS = QUICK ? 2 : 5;
const ROUNDS = QUICK ? 1 : numberArg('rounds', 5);
const WARMUP_SECONDS = QUICK ? 1 : 2;
/**
 * At saturation the baseline batches more requests per event-loop turn, which lowers its CPU per request; the
 * same chains are therefore also measured at one fixed rate every variant sustains, for a like-for-like CPU and p99.
 */
const FIXED_RATE = QUICK ? 100 : numberArg('fixed-rate', 200);
const FIXED_RATE_ROUNDS = QUICK ? 1 : numberArg('fixed-rate-rounds', 3);
/** A fixed-rate round counts as sustained when the chain served at least this share of the rate. */
const SUSTAINED_SHARE = 0.95;
const BREAKDOWN = hasFlag('breakdown');
/**
 * `--compare-builds=DIR,…` (with DATABASE_URL): other builds of both services (each DIR holding apps/<service>/main.js,
 * a copy of dist/ made before a change, kept inside the workspace so their packages resolve) run as more product
 * chains on the same database, interleaved with the rest: a change's A/B in one run.
 */
const COMPARED_BUILDS = listArg('compare-builds').map((dir) => resolve(dir));
const TRACING = !hasFlag('no-tracing');
const BASELINE = 'raw node:http + undici two-hop (baseline)';
/** The product's chain: the User Service's client runs on the client core's tuned axios http adapter. */
const NEST_CHAIN = 'Nest+Fastify, client core on the tuned axios http adapter';
/** With DATABASE_URL: the Nest chain on PostgreSQL, and a raw two-hop whose back hop reads the same database. */
const NEST_ON_POSTGRES = `${NEST_CHAIN} — Order Service on PostgreSQL`;
const RAW_ON_POSTGRES = 'raw node:http + undici two-hop, back hop reading the same PostgreSQL rows';
/** The User Service (the same client) in front of the baseline's back hop: what the User Service and its client add. */
const TO_RAW_BACK_HOP = 'User Service → raw back hop';
/** Issue 16's peer: Nest's documented defaults (Express, HttpModule.register({}), nestjs-pino) on the same database. */
const PEER = `${PEER_CHAIN} — on the same PostgreSQL`;
/** Issue 28's rows: the product chain again, as it is (A/A), and with the OpenTelemetry SDK preloaded in both services. */
const PRODUCT_AGAIN = `${NEST_ON_POSTGRES} [A/A: a second copy, no SDK]`;
const SDK_PRELOADED = 'OpenTelemetry SDK preloaded';
const SDK_NOT_EXPORTING = `${NEST_ON_POSTGRES} [${SDK_PRELOADED}, OTEL_TRACES_EXPORTER=none]`;
const SDK_EXPORTING = `${NEST_ON_POSTGRES} [${SDK_PRELOADED}, exporting OTLP/HTTP to a local sink]`;

interface Variant {
  name: string;
  /** A whole chain (compared with the baseline) or one hop alone (shows where the cost is). */
  kind: 'chain' | 'hop';
  /** Processes the variant's requests pass through (CPU and memory are summed over them). */
  processes: MeasuredProcess[];
  url: string;
}

const measure = (variant: Variant, overallRate?: number) => measureWindow(variant, SECONDS, overallRate);

async function main(): Promise<void> {
  const startLoad = loadAverage();
  const processes = new BenchProcesses();
  const startProcess = processes.start;
  const sink = new OtlpSink(processes);
  const serverUrl = process.env['DATABASE_URL'] || undefined;
  const scratchDatabase = `chain_bench_${process.pid}`;
  /** The variables of a chain exporting to the run's one OTLP sink. */
  const exportingEnv = () => sink.exportingEnv();
  try {
    const services = new ChainServices(startProcess);
    const startOrderService = (name: string, env: Record<string, string>, build?: string, tracing = false) =>
      services.orderService(name, { env, build, tracing });
    const startUserService = (name: string, orderServiceUrl: string, env: Record<string, string> = {}, build?: string, tracing = false) =>
      services.userService(name, orderServiceUrl, { env, build, tracing });
    const variants: Variant[] = [];
    if (!serverUrl) console.log('No DATABASE_URL: skipping the rows on PostgreSQL (the raw two-hop on the database, the peer) and the goals.');
    if (!serverUrl || BREAKDOWN) {
      // Its own in-memory embedded database with the demo data (as e2e/full-stack), even when the run has a DATABASE_URL.
      const orderService = await startOrderService('order-service', { SEED_DEMO_DATA: 'true', DATABASE_URL: '' });
      const orderBody = await bodyOf(`${orderService.url}${PATH}`);
      const back = await startProcess('baseline back', [join(__dirname, 'baseline/two-hop-back.mjs')], { BODY: orderBody }, PATH);
      const front = await startProcess('baseline front', [join(__dirname, 'baseline/two-hop-front.mjs')], { BACK_URL: back.url }, PATH);
      const userService = await startUserService(NEST_CHAIN, orderService.url);
      variants.push(
        { name: BASELINE, kind: 'chain', processes: [front, back], url: `${front.url}${PATH}` },
        { name: NEST_CHAIN, kind: 'chain', processes: [userService, orderService], url: `${userService.url}${PATH}` },
      );
      // The Order Service answers from its database (embedded PGlite), which the baseline's back hop does not have:
      // the User Service in front of the baseline's own back hop isolates what the User Service and its client add.
      const usersToRawBack = await startUserService(TO_RAW_BACK_HOP, back.url);
      variants.push({ name: TO_RAW_BACK_HOP, kind: 'chain', processes: [usersToRawBack, back], url: `${usersToRawBack.url}${PATH}` });
      if (BREAKDOWN) {
        variants.push(
          { name: 'raw node:http back hop alone', kind: 'hop', processes: [back], url: `${back.url}${PATH}` },
          { name: 'Order Service alone', kind: 'hop', processes: [orderService], url: `${orderService.url}${PATH}` },
          { name: 'User Service GET /health/live alone', kind: 'hop', processes: [userService], url: `${userService.url}/health/live` },
        );
      }
    }
    if (serverUrl) {
      const databaseUrl = await createScratchDatabase(serverUrl, scratchDatabase);
      const backends = new PostgresBackends(scratchDatabase);
      const onPostgres = await startOrderService('order-service on PostgreSQL', { SEED_DEMO_DATA: 'true', DATABASE_URL: databaseUrl });
      const usersOnPostgres = await startUserService(NEST_ON_POSTGRES, onPostgres.url);
      variants.push({ name: NEST_ON_POSTGRES, kind: 'chain', processes: [usersOnPostgres, onPostgres, backends], url: `${usersOnPostgres.url}${PATH}` });
      // What the framework adds on top of the same database work: the baseline, its back hop reading the rows.
      const dbBack = await startProcess('baseline back on PostgreSQL', [join(__dirname, 'baseline/two-hop-back-db.mjs')], { DATABASE_URL: databaseUrl }, PATH);
      const dbFront = await startProcess('baseline front on PostgreSQL', [join(__dirname, 'baseline/two-hop-front.mjs')], { BACK_URL: dbBack.url }, PATH);
      variants.push({ name: RAW_ON_POSTGRES, kind: 'chain', processes: [dbFront, dbBack, backends], url: `${dbFront.url}${PATH}` });
      const { users: peerUsers, orders: peerOrders } = await startPeer(startProcess, PEER, databaseUrl);
      variants.push({ name: PEER, kind: 'chain', processes: [peerUsers, peerOrders, backends], url: `${peerUsers.url}${PATH}` });
      // A/B of a change in the same run: the product chain from each other build, on the same database.
      for (const build of COMPARED_BUILDS) {
        const name = `${NEST_ON_POSTGRES} [build ${basename(build)}]`;
        const orders = await startOrderService(`order-service of build ${build}`, { DATABASE_URL: databaseUrl }, build);
        const users = await startUserService(name, orders.url, {}, build);
        variants.push({ name, kind: 'chain', processes: [users, orders, backends], url: `${users.url}${PATH}` });
        if (TRACING) {
          // The other build's tracing.js, as this build's SDK rows load theirs, not exporting and exporting: a tracing
          // change's A/B.
          for (const [mode, env] of [
            ['OTEL_TRACES_EXPORTER=none', { OTEL_TRACES_EXPORTER: 'none' }],
            ['exporting OTLP/HTTP to a local sink', await exportingEnv()],
          ] as const) {
            const tracedName = `${NEST_ON_POSTGRES} [build ${basename(build)}, ${SDK_PRELOADED}, ${mode}]`;
            const tracedOrders = await startOrderService(`order-service of ${tracedName}`, { DATABASE_URL: databaseUrl, ...env }, build, true);
            const tracedUsers = await startUserService(tracedName, tracedOrders.url, env, build, true);
            variants.push({ name: tracedName, kind: 'chain', processes: [tracedUsers, tracedOrders, backends], url: `${tracedUsers.url}${PATH}` });
          }
        }
      }
      if (TRACING) {
        const exporting = await exportingEnv();
        for (const [name, tracing, env] of [
          [PRODUCT_AGAIN, false, {}],
          [SDK_NOT_EXPORTING, true, { OTEL_TRACES_EXPORTER: 'none' }],
          [SDK_EXPORTING, true, exporting],
        ] as const) {
          const orders = await startOrderService(`order-service of ${name}`, { DATABASE_URL: databaseUrl, ...env }, undefined, tracing);
          const users = await startUserService(name, orders.url, env, undefined, tracing);
          variants.push({ name, kind: 'chain', processes: [users, orders, backends], url: `${users.url}${PATH}` });
        }
      }
      if (BREAKDOWN) {
        // What the one request line per request costs both services (a planning question: lines off by default?).
        const quiet = { LOG_LEVEL: 'warn' };
        const quietOrders = await startOrderService('order-service on PostgreSQL, no request lines', { DATABASE_URL: databaseUrl, ...quiet });
        const quietName = `${NEST_ON_POSTGRES}, no request lines (LOG_LEVEL=warn on both)`;
        const quietUsers = await startUserService(quietName, quietOrders.url, quiet);
        variants.push(
          { name: quietName, kind: 'chain', processes: [quietUsers, quietOrders, backends], url: `${quietUsers.url}${PATH}` },
          { name: 'Order Service on PostgreSQL alone (+ its PostgreSQL backends)', kind: 'hop', processes: [onPostgres, backends], url: `${onPostgres.url}${PATH}` },
          { name: 'peer Order Service alone (+ its PostgreSQL backends)', kind: 'hop', processes: [peerOrders, backends], url: `${peerOrders.url}${PATH}` },
        );
      }
    }
    // Same bytes through every chain, or the comparison means nothing.
    const expected = await bodyOf(variants.find((v) => v.name.startsWith(NEST_CHAIN))?.url ?? '');
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
    // Proof that the exporting row exported (the SDK's batch processor drops spans, silently, when its queue is full).
    const exported = await sink.received();
    const sinkNote = exported ? `The exporting row's local sink received ${exported.exports} OTLP exports, ${fmt(exported.bytes / 2 ** 20, 1)} MiB in all. ` : '';
    report(variants, rounds, fixedRate, expected.length, startLoad, sinkNote);
  } finally {
    await processes.stopAll();
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

/** The Nest chains and the peer on PostgreSQL against the raw two-hop doing the same database work, per round. */
function againstSameDatabase(rounds: Map<string, Round[]>): string {
  const compared = [...rounds.keys()].filter((name) => name.startsWith(NEST_ON_POSTGRES) || name === PEER);
  const rows = [RAW_ON_POSTGRES, ...compared].map((name) => {
    const f = figuresOf(rounds, RAW_ON_POSTGRES, name, `${name} against the same database`);
    return [name, fmt(f.rps, 0), fmt(f.p99), fmt(f.cpu, 0), fmt(f.rpsRatio, 2), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2)];
  });
  return markdownTable(
    ['saturated, against a raw two-hop reading the same database', 'req/s', 'p99 ms', 'CPU µs/req', 'req/s ÷ raw-on-db', 'p99 ÷ raw-on-db', 'CPU ÷ raw-on-db'],
    rows,
  );
}

/** Issue 16's goals: the product chain on PostgreSQL against the raw two-hop on the same database, and against the peer. */
function issue16Goals(rounds: Map<string, Round[]>, fixedRate: Map<string, Round[]>): Goal[] {
  const product = (runs: Map<string, Round[]>, reference: string, pick: (r: Round) => number) =>
    ratioToBaseline(runs, reference, NEST_ON_POSTGRES, pick);
  const rps = (r: Round) => r.requestsPerSecond;
  const cpu = (r: Round) => r.cpuMicrosPerRequest;
  return [
    { figure: 'req/s ÷ raw-on-db, saturated', measured: product(rounds, RAW_ON_POSTGRES, rps), atLeast: 0.45 },
    { figure: `CPU per request ÷ raw-on-db, at ${FIXED_RATE} req/s`, measured: product(fixedRate, RAW_ON_POSTGRES, cpu), atMost: 2.25 },
    { figure: 'p99 ÷ raw-on-db, saturated', measured: product(rounds, RAW_ON_POSTGRES, (r) => r.p99), atMost: 3 },
    { figure: 'req/s ÷ the peer, saturated', measured: product(rounds, PEER, rps), atLeast: 3 },
    { figure: `CPU per request ÷ the peer, at ${FIXED_RATE} req/s`, measured: product(fixedRate, PEER, cpu), atMost: 1 / 3, bound: '≤ 1/3 (0.33)' },
  ];
}

/**
 * Issue 28's goals: what the OpenTelemetry SDK costs the product chain, per round against the product chain without
 * it; the A/A row (the same chain again) shows how far two identical chains differ in the same run.
 */
function tracingCost(rounds: Map<string, Round[]>, fixedRate: Map<string, Round[]>): string {
  const cpu = (r: Round) => r.cpuMicrosPerRequest;
  const ratio = (runs: Map<string, Round[]>, name: string, pick: (r: Round) => number) => ratioToBaseline(runs, NEST_ON_POSTGRES, name, pick);
  const traced = [...rounds.keys()].filter((name) => name.includes(SDK_PRELOADED));
  const rows = [PRODUCT_AGAIN, ...traced].map((name) => [
    name,
    fmt(ratio(fixedRate, name, cpu), 2),
    fmt(ratio(rounds, name, cpu), 2),
    fmt(ratio(rounds, name, (r) => r.requestsPerSecond), 2),
    fmt(ratio(rounds, name, (r) => r.p99), 2),
  ]);
  const goals: Goal[] = [
    { figure: `CPU per request ÷ the product without the SDK, at ${FIXED_RATE} req/s, not exporting`, measured: ratio(fixedRate, SDK_NOT_EXPORTING, cpu), atMost: 1.1 },
    { figure: `CPU per request ÷ the product without the SDK, at ${FIXED_RATE} req/s, exporting`, measured: ratio(fixedRate, SDK_EXPORTING, cpu), atMost: 1.3 },
  ];
  return (
    `Issue 28's goals (the OpenTelemetry SDK in both services; the sink's CPU is not counted):\n\n${goalsTable(goals)}\n\n` +
    markdownTable(
      ['against the product chain without the SDK, per round', `CPU ÷ product at ${FIXED_RATE} req/s`, 'CPU ÷ product, saturated', 'req/s ÷ product, saturated', 'p99 ÷ product, saturated'],
      rows,
    )
  );
}

/** CPU per request of each chain on PostgreSQL split by where it is spent (medians over rounds). */
function cpuBreakdown(runs: Map<string, Round[]>, label: string): string {
  const names = [...runs.keys()].filter((name) => name === RAW_ON_POSTGRES || name.startsWith(NEST_ON_POSTGRES) || name === PEER);
  const part = (name: string, index: number) => fmt(median((runs.get(name) ?? []).map((r) => r.cpuMicrosPerRequestByProcess[index])), 0);
  return markdownTable(
    [`CPU µs per request by process, ${label}`, 'front hop (User Service or stand-in)', 'back hop (Order Service or stand-in)', 'PostgreSQL backends', 'total'],
    names.map((name) => [name, part(name, 0), part(name, 1), part(name, 2), fmt(median((runs.get(name) ?? []).map((r) => r.cpuMicrosPerRequest)), 0)]),
  );
}

/** The chains at the fixed rate against `reference`, with how many of their rounds sustained the rate. */
function atFixedRate(fixedRate: Map<string, Round[]>, reference: string): string {
  return markdownTable(
    [`same chains at a fixed ${FIXED_RATE} req/s`, 'req/s', 'sustained rounds', 'p50 ms', 'p99 ms', 'CPU µs/req', `p99 ÷ ${reference === BASELINE ? 'base' : 'raw-on-db'}`, `CPU ÷ ${reference === BASELINE ? 'base' : 'raw-on-db'}`],
    [...fixedRate.keys()].map((name) => {
      const f = figuresOf(fixedRate, reference, name, `${name} at ${FIXED_RATE} req/s`);
      const own = fixedRate.get(name) ?? [];
      const sustained = own.filter((r) => r.requestsPerSecond >= FIXED_RATE * SUSTAINED_SHARE).length;
      return [name, fmt(f.rps, 0), `${sustained}/${own.length}`, fmt(f.p50), fmt(f.p99), fmt(f.cpu, 0), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2)];
    }),
  );
}

function againstBaseline(variants: Variant[], rounds: Map<string, Round[]>): string {
  const rows = variants
    .filter((v) => v.kind === 'chain' && rounds.has(BASELINE) && !(v.name.startsWith(NEST_ON_POSTGRES) || v.name === RAW_ON_POSTGRES || v.name === PEER))
    .map(({ name }) => {
      const f = figuresOf(rounds, BASELINE, name);
      const goals = f.rpsRatio >= 0.6 && f.p99Ratio <= 2 && f.cpuRatio <= 1.5 ? 'met' : 'not met';
      return [name, fmt(f.rps, 0), fmt(f.p50), fmt(f.p99), fmt(f.cpu, 0), fmt(f.rss, 0), fmt(f.rpsRatio, 2), fmt(f.p99Ratio, 2), fmt(f.cpuRatio, 2), goals];
    });
  return markdownTable(
    ['chain (no database in the baseline)', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'RSS MiB', 'req/s ÷ base', 'p99 ÷ base', 'CPU ÷ base', 'goals'],
    rows,
  );
}

function report(variants: Variant[], rounds: Map<string, Round[]>, fixedRate: Map<string, Round[]>, bytes: number, startLoad: string, sinkNote: string): void {
  const onPostgres = rounds.has(RAW_ON_POSTGRES);
  const hops = variants
    .filter((v) => v.kind === 'hop')
    .map(({ name }) => {
      const own = rounds.get(name) ?? [];
      return [name, fmt(median(own.map((r) => r.requestsPerSecond)), 0), fmt(median(own.map((r) => r.cpuMicrosPerRequest)), 0)];
    });
  // Chains the fixed-rate table compares: against the raw two-hop on the database when there is one.
  const fixedReference = onPostgres ? RAW_ON_POSTGRES : BASELINE;
  const fixedCompared = new Map([...fixedRate].filter(([name]) => !onPostgres || name === RAW_ON_POSTGRES || name.startsWith(NEST_ON_POSTGRES) || name === PEER));
  const table = [
    ...(onPostgres ? [`Issue 16's goals (the product chain on PostgreSQL):\n\n${goalsTable(issue16Goals(rounds, fixedRate))}`, againstSameDatabase(rounds)] : []),
    ...(rounds.has(SDK_EXPORTING) ? [tracingCost(rounds, fixedRate)] : []),
    ...(FIXED_RATE_ROUNDS === 0 ? [] : [atFixedRate(fixedCompared, fixedReference)]),
    ...(onPostgres ? [cpuBreakdown(rounds, 'saturated'), ...(FIXED_RATE_ROUNDS === 0 ? [] : [cpuBreakdown(fixedRate, `at ${FIXED_RATE} req/s`)])] : []),
    ...(rounds.has(BASELINE) ? [againstBaseline(variants, rounds)] : []),
    ...(hops.length > 0 ? [markdownTable(['one hop alone, saturated (where the cost is)', 'req/s', 'CPU µs/req'], hops)] : []),
  ].join('\n\n');
  const setup =
    `autocannon ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} interleaved rounds (after ${WARMUP_SECONDS} s warm-up each; ` +
    `every window after the cores settle, ≤ 15 % busy, and a ${REWARM_SECONDS} s burst of its own, not counted), ` +
    `GET ${PATH} (${bytes} bytes). Figures are medians over rounds; ratios are per-round against the reference, then ` +
    `the median. CPU and RSS are summed over both hops' processes (and the PostgreSQL backends of the scratch database, for every row on PostgreSQL). ` +
    (onPostgres
      ? `Rows on PostgreSQL share one scratch database seeded with the demo data: the product chain (Nest+Fastify; the User Service's client ` +
        `on the client core's tuned axios http adapter), the raw two-hop whose back hop reads the same rows by one prepared statement ` +
        `through pg (bench/baseline/two-hop-back-db.mjs), and the peer (bench/peer/: Nest+Express, HttpModule.register({}) with axios' ` +
        `defaults, nestjs-pino's LoggerModule.forRoot() request lines, the Order Service's own repository and database code). ` +
        `Request lines are on in all of them but the raw two-hop (which logs nothing). `
      : 'No DATABASE_URL: the rows on PostgreSQL, the peer and the goals were skipped. ') +
    (TRACING && onPostgres
      ? `Issue 28's rows: the product chain three more times on the same database, each service started as its image starts it: without the SDK (A/A), ` +
        `with \`--require tracing.js\` and OTEL_TRACES_EXPORTER=none, and with it exporting OTLP/HTTP (the SDK's default protocol and batch ` +
        `processor) to a sink on 127.0.0.1 whose CPU is not counted. ${sinkNote}`
      : '') +
    (rounds.has(BASELINE)
      ? `The no-database rows: the Order Service on an in-memory embedded PGlite database with the demo data, against a raw node:http + ` +
        `undici two-hop answering the same bytes (old goals: req/s ≥ 0.6×, p99 ≤ 2×, CPU/request ≤ 1.5× the baseline, judged saturated); ` +
        `"User Service → raw back hop" puts the User Service in front of the baseline's back hop; "no request lines" runs both services with LOG_LEVEL=warn. `
      : '') +
    (FIXED_RATE_ROUNDS === 0
      ? 'No fixed-rate rounds.'
      : `Then ${FIXED_RATE_ROUNDS} interleaved round(s) at a fixed ${FIXED_RATE} req/s (autocannon overallRate), where every chain does the same work per second; ` +
        `a round is sustained when the chain served ≥ ${SUSTAINED_SHARE * 100} % of the rate.`);
  const machine = describeMachine(['@nestjs/core', 'fastify', '@nestjs/platform-express', 'axios', 'undici', 'autocannon'], startLoad);
  publishResults('chain throughput', `${machine}\n\n${setup}\n\n${table}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
