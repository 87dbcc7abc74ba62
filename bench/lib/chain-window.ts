import { join } from 'node:path';
import autocannon from 'autocannon';
import { BenchProcess } from './bench-process';
import { WORKSPACE_ROOT } from './machine';
import { settle } from './settle';

/** What the chain benches request: one user's orders, through the User Service and the Order Service. */
export const CHAIN_PATH = '/users/user123/orders';
export const CONNECTIONS = 10;
/**
 * Every measured window starts with a short saturated burst of its own, not counted: a chain left idle while the
 * others ran has lost part of its warm state (its pool's idle connections closed after 10 s, code and heap shrunk
 * by V8 when idle), and the first seconds after idling cost up to 1.6× the steady state (measured with two identical
 * chains alternating: the first round of each 1,501 and 1,529 µs/req, the next seven 863–996). At a fixed rate of
 * 200 req/s a window holds only 1,000 requests, so that re-warming would otherwise weigh most there.
 */
export const REWARM_SECONDS = 1;

/** What a chain's CPU and memory are read from: a bench process, or a database's server processes. */
export interface MeasuredProcess {
  cpuSeconds(): number;
  rssMiB(): number;
}

/** A chain (or one hop) under load: the processes its requests pass through (CPU and memory are summed over them). */
export interface LoadedChain {
  name: string;
  processes: MeasuredProcess[];
  url: string;
}

/** One measured window of a chain. */
export interface ChainWindow {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerRequest: number;
  /** The same, per process of the chain (in `processes` order): where a chain's CPU goes. */
  cpuMicrosPerRequestByProcess: number[];
  rssMiB: number;
}

export function load(url: string, seconds: number, overallRate?: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, overallRate });
}

/**
 * Loads `chain` for `seconds` (saturated, or at `overallRate` req/s) once the cores have settled and the chain has
 * re-warmed, and returns what it served and what that cost; throws on any error, non-2xx answer or timeout.
 */
export async function measureWindow(chain: LoadedChain, seconds: number, overallRate?: number): Promise<ChainWindow> {
  await settle();
  await load(chain.url, REWARM_SECONDS);
  const cpuBefore = chain.processes.map((p) => p.cpuSeconds());
  const result = await load(chain.url, seconds, overallRate);
  const cpuUsed = chain.processes.map((p, i) => p.cpuSeconds() - cpuBefore[i]);
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(`${chain.name}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  }
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: (cpuUsed.reduce((sum, cpu) => sum + cpu, 0) / requests) * 1e6,
    cpuMicrosPerRequestByProcess: cpuUsed.map((cpu) => (cpu / requests) * 1e6),
    rssMiB: chain.processes.reduce((sum, p) => sum + p.rssMiB(), 0),
  };
}

/** The body a URL answers with; throws unless it answers 200. */
export async function bodyOf(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return text;
}

/** How a service of the chain is started: which build (a copy of dist/, default dist/ itself) and whether its SDK is preloaded. */
export interface ServiceStart {
  build?: string;
  /** As the images start a service: `node --require ./tracing.js main.js`. */
  tracing?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the chain's services from production builds, each as a `BenchProcess` handed to `start` (which keeps them
 * for stopping).
 */
export class ChainServices {
  constructor(readonly start: (...args: Parameters<typeof BenchProcess.start>) => Promise<BenchProcess>) {}

  orderService(name: string, { build, tracing = false, env = {} }: ServiceStart): Promise<BenchProcess> {
    return this.start(name, nodeArgs('order-service', build, tracing), env, '/health/live');
  }

  userService(name: string, orderServiceUrl: string, { build, tracing = false, env = {} }: ServiceStart = {}): Promise<BenchProcess> {
    return this.start(
      name,
      nodeArgs('user-service', build, tracing),
      // Long deadlines: on a loaded machine p99 passes the default attempt timeout (1 s), and retries and an open
      // breaker would turn the measurement into one of the failure path (the peer's axios has no timeout at all).
      { ORDER_SERVICE_URL: orderServiceUrl, ORDER_SERVICE_TIMEOUT_MS: '10000', ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: '10000', ...env },
      '/health/live',
    );
  }
}

/** Issue 16's peer chain, as the benches name it. */
export const PEER_CHAIN = 'peer: Nest+Express, HttpModule.register({}), nestjs-pino defaults';

/**
 * Issue 16's peer: the same two services as Nest's documentation would have them written (bench/peer/: Express,
 * `HttpModule.register({})`, nestjs-pino's defaults), run from their TypeScript source (compiled once, at start-up,
 * by swc), on a database already seeded.
 */
export async function startPeer(start: ChainServices['start'], name: string, databaseUrl: string): Promise<{ users: BenchProcess; orders: BenchProcess }> {
  const peer = (file: string) => ['-r', '@swc-node/register', join(__dirname, '../peer', file)];
  const swcProject = { SWC_NODE_PROJECT: join(__dirname, '../tsconfig.json') };
  const orders = await start(`${name}: order service`, peer('peer-order-service.ts'), { ...swcProject, DATABASE_URL: databaseUrl }, CHAIN_PATH);
  const users = await start(name, peer('peer-user-service.ts'), { ...swcProject, ORDER_SERVICE_URL: orders.url }, CHAIN_PATH);
  return { users, orders };
}

function nodeArgs(app: string, build = join(WORKSPACE_ROOT, 'dist'), tracing: boolean): string[] {
  const dir = join(build, 'apps', app);
  return tracing ? ['--require', join(dir, 'tracing.js'), join(dir, 'main.js')] : [join(dir, 'main.js')];
}
