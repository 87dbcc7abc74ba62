/**
 * Chain A/B, paired: decides a ratio goal the interleaved chain bench cannot. There a round runs every variant in turn
 * (about two minutes a round), and one chain's CPU per request moved up to 2.2× between its own rounds (bench/RESULTS.md,
 * issue 28 and 27's instrument entry), while two identical chains measured in adjacent windows moved together (their
 * ratio 0.90–1.04 over eight pairs). Here the reference chain and one variant alternate in adjacent windows (the
 * reference first in even pairs, second in odd ones), each window after the cores settle and the chain re-warms; each
 * pair gives one ratio, and a figure is the median of its pairs' ratios, printed with their range. An A/A comparison,
 * the reference against a second copy of itself, shows in the same run how far the instrument itself moves.
 *
 * The chains: the product (User Service → Order Service, production builds from dist/) without the OpenTelemetry SDK
 * is the reference; it is compared with a second copy of itself (A/A), with each service's `tracing.js` preloaded and
 * `OTEL_TRACES_EXPORTER=none`, and preloaded exporting OTLP/HTTP to a local sink (issue 28's goals); `--compare-builds`
 * adds each other build, as it is and with its SDK exporting. With DATABASE_URL the Order Services share a scratch database
 * there (its PostgreSQL backends' CPU counted with each chain's); without it each runs on its embedded database.
 *
 * `--no-tracing` leaves the SDK comparisons out; `--peer` (with DATABASE_URL) adds issue 16's peer as a comparison and
 * issue 27's goals against it. `--pairs=N` pairs per comparison and mode (6), `--seconds=N` per window (5), `--fixed-rate=N` req/s (200),
 * `--modes=fixed,saturated` (both). One window's CPU per request moves about ±12 % at the fixed rate even with the
 * machine's speed steady (a CPU loop repeats within ±5 %, and /proc's times equal the scheduler's own): a 10 % goal
 * wants more and longer windows than the default.
 *
 *   node -r @swc-node/register bench/chain-ab.ts [--quick] [--no-tracing] [--peer] [--pairs=N] [--seconds=N] [--fixed-rate=N] [--modes=…] [--compare-builds=DIR,…]
 */
import { basename, resolve } from 'node:path';
import { hasFlag, isQuick, listArg, numberArg } from './lib/bench-args';
import { BenchProcesses } from './lib/bench-process';
import { OtlpSink, type OtlpReceived } from './lib/otlp-sink';
import { bodyOf, CHAIN_PATH, ChainServices, CONNECTIONS, load, measureWindow, REWARM_SECONDS, PEER_CHAIN as PEER, startPeer, type ChainWindow, type LoadedChain, type MeasuredProcess, type ServiceStart } from './lib/chain-window';
import { goalsTable, type Goal } from './lib/goals';
import { describeMachine, loadAverage } from './lib/machine';
import { markdownTable } from './lib/markdown-table';
import { createScratchDatabase, dropScratchDatabase, PostgresBackends } from './lib/postgres-backends';
import { publishResults } from './lib/results-file';
import { assertFigures, fmt, median } from './lib/stats';

const QUICK = isQuick();
const PAIRS = QUICK ? 1 : numberArg('pairs', 6);
const SECONDS = QUICK ? 2 : numberArg('seconds', 5);
/** Each chain's first seconds under load cost more until V8 has compiled its hot paths: warmed once, at the start, uncounted. */
const WARMUP_SECONDS = QUICK ? 1 : 10;
const FIXED_RATE = QUICK ? 100 : numberArg('fixed-rate', 200);
const COMPARED_BUILDS = listArg('compare-builds').map((dir) => resolve(dir));
/** `--no-tracing` leaves out the SDK comparisons; `--peer` adds issue 16's peer (needs DATABASE_URL) and issue 27's goals. */
const TRACING = !hasFlag('no-tracing');
const WITH_PEER = hasFlag('peer');
const REFERENCE = 'product, no SDK';
const AA = 'product again, no SDK (A/A)';
const NOT_EXPORTING = 'product, SDK preloaded, OTEL_TRACES_EXPORTER=none';
const EXPORTING = 'product, SDK preloaded, exporting OTLP/HTTP to a local sink';

interface Mode {
  name: string;
  rate?: number;
}
/** `--modes=fixed,saturated` (both by default): the goals are judged at the fixed rate. */
const MODE_NAMES = listArg('modes');
const MODES: Mode[] = [
  ...(MODE_NAMES.length === 0 || MODE_NAMES.includes('fixed') ? [{ name: `at ${FIXED_RATE} req/s`, rate: FIXED_RATE }] : []),
  ...(MODE_NAMES.length === 0 || MODE_NAMES.includes('saturated') ? [{ name: 'saturated' }] : []),
];

/** One comparison's pairs in one mode: the reference's and the variant's windows, pair by pair. */
interface Pairs {
  reference: ChainWindow[];
  variant: ChainWindow[];
}

async function main(): Promise<void> {
  const unknownModes = MODE_NAMES.filter((mode) => mode !== 'fixed' && mode !== 'saturated');
  if (unknownModes.length > 0) throw new Error(`--modes takes fixed and saturated, got ${unknownModes.join(', ')}`);
  if (WITH_PEER && !process.env['DATABASE_URL']) throw new Error('--peer needs DATABASE_URL: the peer reads its orders from PostgreSQL');
  const startLoad = loadAverage();
  const processes = new BenchProcesses();
  const sink = new OtlpSink(processes);
  const serverUrl = process.env['DATABASE_URL'] || undefined;
  const scratchDatabase = `chain_ab_${process.pid}`;
  try {
    const services = new ChainServices(processes.start);
    const databaseUrl = serverUrl ? await createScratchDatabase(serverUrl, scratchDatabase) : undefined;
    const backends: MeasuredProcess[] = serverUrl ? [new PostgresBackends(scratchDatabase)] : [];
    const database = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' };
    let seeded = false;
    const exporting = () => sink.exportingEnv();
    const chain = async (name: string, start: ServiceStart = {}): Promise<LoadedChain> => {
      // The first Order Service seeds the shared database (or each its own embedded one) with the demo data.
      const seed: Record<string, string> = databaseUrl && seeded ? {} : { SEED_DEMO_DATA: 'true' };
      seeded = true;
      const orders = await services.orderService(`order-service of ${name}`, { ...start, env: { ...database, ...seed, ...start.env } });
      const users = await services.userService(name, orders.url, start);
      return { name, processes: [users, orders, ...backends], url: `${users.url}${CHAIN_PATH}` };
    };
    const reference = await chain(REFERENCE);
    const variants = [await chain(AA)];
    if (TRACING) {
      variants.push(await chain(NOT_EXPORTING, { tracing: true, env: { OTEL_TRACES_EXPORTER: 'none' } }));
      variants.push(await chain(EXPORTING, { tracing: true, env: await exporting() }));
    }
    for (const build of COMPARED_BUILDS) {
      variants.push(await chain(`build ${basename(build)}, no SDK`, { build }));
      if (TRACING) variants.push(await chain(`build ${basename(build)}, SDK preloaded, exporting`, { build, tracing: true, env: await exporting() }));
    }
    if (WITH_PEER && databaseUrl) {
      const { users, orders } = await startPeer(processes.start, PEER, databaseUrl);
      variants.push({ name: PEER, processes: [users, orders, ...backends], url: `${users.url}${CHAIN_PATH}` });
    }
    // Same bytes through every chain, or the comparison means nothing.
    const expected = await bodyOf(reference.url);
    for (const variant of variants) {
      const body = await bodyOf(variant.url);
      if (body !== expected) throw new Error(`${variant.name} answers different bytes:\n${body}\nvs\n${expected}`);
    }
    const results = new Map<string, Pairs>();
    await load(reference.url, WARMUP_SECONDS);
    // One comparison at a time, its two chains alternating: a chain left idle while others run loses its warm state
    // for longer than a re-warm burst restores (interleaving every comparison in each pair made identical chains
    // differ by 16–25 % at the median, the reference — run in every pair — always the cheaper).
    for (const variant of variants) {
      await load(variant.url, WARMUP_SECONDS);
      for (const mode of MODES) {
        const pairs: Pairs = { reference: [], variant: [] };
        results.set(`${variant.name}|${mode.name}`, pairs);
        for (let pair = 0; pair < PAIRS; pair++) {
          const order = pair % 2 === 0 ? [reference, variant] : [variant, reference];
          for (const measured of order) {
            const window = await measureWindow(measured, SECONDS, mode.rate);
            (measured === reference ? pairs.reference : pairs.variant).push(window);
            console.log(`${mode.name}, pair ${pair + 1}/${PAIRS}, ${measured === reference ? `${REFERENCE} (for ${variant.name})` : variant.name}: ${fmt(window.requestsPerSecond, 0)} req/s, ${fmt(window.cpuMicrosPerRequest, 0)} µs CPU/req, load ${loadAverage()}`);
          }
        }
      }
    }
    const exported = await sink.received();
    report(variants, results, startLoad, Boolean(serverUrl), expected.length, exported);
  } finally {
    await processes.stopAll();
    if (serverUrl) await dropScratchDatabase(serverUrl, scratchDatabase);
  }
}

const cpu = (window: ChainWindow) => window.cpuMicrosPerRequest;
const rps = (window: ChainWindow) => window.requestsPerSecond;
/** The front hop's (the User Service's, or the peer's) share: a client-side change shows there. */
const frontHopCpu = (window: ChainWindow) => window.cpuMicrosPerRequestByProcess[0];

/** Per pair, the variant's figure ÷ the reference's in the adjacent window. */
function pairRatios({ reference, variant }: Pairs, pick: (window: ChainWindow) => number): number[] {
  return variant.map((window, i) => pick(window) / pick(reference[i]));
}

function report(variants: LoadedChain[], results: Map<string, Pairs>, startLoad: string, onPostgres: boolean, bytes: number, exported?: OtlpReceived): void {
  const pairsOf = (name: string, mode: Mode) => results.get(`${name}|${mode.name}`) ?? { reference: [], variant: [] };
  const ratioOf = (name: string, mode: Mode, pick = cpu) => median(pairRatios(pairsOf(name, mode), pick));
  const rows = MODES.flatMap((mode) =>
    variants.map(({ name }) => {
      const pairs = pairsOf(name, mode);
      const ratios = pairRatios(pairs, cpu);
      assertFigures(`${name} ${mode.name}`, [...pairs.reference.map(cpu), ...pairs.variant.map(cpu)]);
      return [
        name,
        mode.name,
        fmt(median(ratios), 2),
        `${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)}`,
        fmt(median(pairs.reference.map(cpu)), 0),
        fmt(median(pairs.variant.map(cpu)), 0),
        fmt(ratioOf(name, mode, rps), 2),
        fmt(ratioOf(name, mode, frontHopCpu), 2),
      ];
    }),
  );
  const fixed = MODES.find((mode) => mode.rate !== undefined);
  const saturated = MODES.find((mode) => mode.rate === undefined);
  const tracingGoals: Goal[] = !fixed || !TRACING ? [] : [
    { figure: `CPU per request ÷ the product without the SDK, ${fixed.name}, not exporting`, measured: ratioOf(NOT_EXPORTING, fixed), atMost: 1.1 },
    { figure: `CPU per request ÷ the product without the SDK, ${fixed.name}, exporting`, measured: ratioOf(EXPORTING, fixed), atMost: 1.3 },
  ];
  // Issue 27's goals are the product against the peer: per pair, the reference's figure ÷ the peer's.
  const againstPeer = (mode: Mode, pick: (window: ChainWindow) => number) => {
    const { reference, variant } = pairsOf(PEER, mode);
    return median(reference.map((window, i) => pick(window) / pick(variant[i])));
  };
  const peerGoals: Goal[] = !WITH_PEER ? [] : [
    ...(saturated ? [
      { figure: 'chain req/s ÷ the peer, saturated', measured: againstPeer(saturated, rps), atLeast: 2.5 },
      { figure: 'chain CPU per request ÷ the peer, saturated', measured: againstPeer(saturated, cpu), atMost: 0.45 },
    ] : []),
    ...(fixed ? [{ figure: `chain CPU per request ÷ the peer, ${fixed.name}`, measured: againstPeer(fixed, cpu), atMost: 0.6 }] : []),
  ];
  const setup =
    `autocannon ${CONNECTIONS} connections, GET ${CHAIN_PATH} (${bytes} bytes); one comparison at a time, its variant warmed ${WARMUP_SECONDS} s first, then ${PAIRS} pair(s) of ` +
    `adjacent ${SECONDS} s windows per mode, the reference first in even pairs; every window after the cores settle (≤ 15 % busy) and a ${REWARM_SECONDS} s burst of ` +
    `its own, not counted. CPU is summed over both services${onPostgres ? ' and the PostgreSQL backends of the scratch database they share' : ' (each Order Service on its embedded database)'}; ` +
    `the OTLP sink's is not counted${exported ? ` (it received ${exported.exports} exports, ${fmt(exported.bytes / 2 ** 20, 1)} MiB)` : ''}. ` +
    `A ratio is the median over pairs of the variant's figure ÷ the reference's in the adjacent window; the range ` +
    `is the lowest and highest pair. The A/A row is the instrument's own spread in this run.`;
  const table = markdownTable(
    ['against the product without the SDK, paired', 'mode', 'CPU ÷ reference (median)', 'pairs range', 'reference µs/req', 'variant µs/req', 'req/s ÷ reference (median)', 'front hop CPU ÷ reference (median)'],
    rows,
  );
  const machine = describeMachine(['@nestjs/core', 'fastify', 'axios', '@opentelemetry/sdk-node', 'autocannon'], startLoad);
  const goalsPart = [
    ...(tracingGoals.length > 0 ? [`Issue 28's goals:\n\n${goalsTable(tracingGoals)}`] : []),
    ...(peerGoals.length > 0 ? [`Issue 27's goals against the peer (per pair, the product's figure ÷ the peer's):\n\n${goalsTable(peerGoals)}`] : []),
  ].map((part) => `${part}\n\n`).join('');
  publishResults('chain A/B, paired', `${machine}\n\n${setup}\n\n${goalsPart}${table}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
