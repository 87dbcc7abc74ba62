/**
 * Client cost: CPU per call, in this process, of each layer a User Service request passes through on its way to the
 * Order Service, against the same raw node:http back hop (another process, so its CPU is not counted): undici
 * alone (the baseline's front hop), + zod validation, axios on the client core's tuned http adapter, the client's
 * HttpService, and the whole OrderServiceClient (policies, validation, typed errors). Layers are interleaved round
 * by round; ratios are per round against undici alone, then the median. Shows where the chain's CPU goes.
 *
 *   node -r @swc-node/register bench/client-cost.ts [--quick]
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { ClientHttpService, undiciAdapter } from '@boundary/client-core';
import { OrderClientModule, OrderServiceClient } from '@boundary/order-client';
import { OrderListSchema } from '@boundary/order-contract';
import { HttpService } from '@nestjs/axios';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import axios from 'axios';
import { firstValueFrom } from 'rxjs';
import { Agent } from 'undici';
import { isQuick } from './lib/bench-args';
import { BenchProcess } from './lib/bench-process';
import { describeMachine, loadAverage, WORKSPACE_ROOT } from './lib/machine';
import { markdownTable } from './lib/markdown-table';
import { publishResults } from './lib/results-file';
import { assertFigures, fmt, median } from './lib/stats';

const QUICK = isQuick();
const PATH = '/users/user123/orders';
const CALLS = QUICK ? 2_000 : 20_000;
const ROUNDS = QUICK ? 1 : 5;
const CONCURRENCY = 10;
const BODY = JSON.stringify([
  { order_id: 'ord001', item: 'Laptop', quantity: 1 },
  { order_id: 'ord002', item: 'Mouse', quantity: 2 },
]);

interface Layer {
  name: string;
  call: () => Promise<unknown>;
}

/** CPU microseconds per call of `CALLS` calls, `CONCURRENCY` at a time. */
async function cpuPerCall(call: () => Promise<unknown>, calls: number): Promise<{ cpu: number; callsPerSecond: number }> {
  let left = calls;
  const worker = async () => {
    while (left-- > 0) await call();
  };
  const before = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(before);
  return { cpu: (used.user + used.system) / calls, callsPerSecond: calls / ((performance.now() - started) / 1000) };
}

async function main(): Promise<void> {
  const startLoad = loadAverage();
  const back = await BenchProcess.start('raw back hop', [join(WORKSPACE_ROOT, 'bench/baseline/two-hop-back.mjs')], { BODY }, PATH);
  const agent = new Agent();
  // The client as a Nest app gets it: its module, on the client core's tuned http adapter the User Service runs.
  const context = await NestFactory.createApplicationContext(
    OrderClientModule.forRoot({ baseUrl: back.url, timeoutMs: 10_000 }),
    { logger: false },
  );
  const http = context.get(HttpService);
  const client = context.get(OrderServiceClient);
  // The candidate transport (issue 27): the same HttpService on an axios whose adapter is undici, not node:http; and
  // the same client on it, through the override seam tests use.
  const undiciHttp = new ClientHttpService(axios.create({ adapter: undiciAdapter(agent), maxRedirects: 0, proxy: false }));
  const onUndici = await Test.createTestingModule({ imports: [OrderClientModule.forRoot({ baseUrl: back.url, timeoutMs: 10_000 })] })
    .overrideProvider(HttpService)
    .useValue(undiciHttp)
    .compile();
  onUndici.useLogger(false);
  const clientOnUndici = onUndici.get(OrderServiceClient);
  const url = `${back.url}${PATH}`;
  try {
    const undiciGet = async () => (await agent.request({ origin: back.url, path: PATH, method: 'GET' })).body.json();
    const layers: Layer[] = [
      { name: 'undici Agent.request + JSON (baseline)', call: undiciGet },
      { name: '+ zod OrderListSchema', call: async () => OrderListSchema.parse(await undiciGet()) },
      { name: 'axios (the client core’s tuned http adapter)', call: () => http.axiosRef.get(url) },
      { name: 'HttpService.get (the client’s, on that axios)', call: () => firstValueFrom(http.get(url)) },
      { name: 'OrderServiceClient.getUserOrdersFirstPage (policies, validation)', call: () => firstValueFrom(client.getUserOrdersFirstPage('user123')) },
      { name: 'HttpService.get on the undici adapter (candidate)', call: () => firstValueFrom(undiciHttp.get(url)) },
      { name: 'OrderServiceClient on the undici adapter (candidate)', call: () => firstValueFrom(clientOnUndici.getUserOrdersFirstPage('user123')) },
    ];
    for (const layer of layers) await cpuPerCall(layer.call, CALLS / 4); // warm-up
    const rounds = new Map<string, { cpu: number; callsPerSecond: number }[]>(layers.map((l) => [l.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const layer of layers.map((_, i) => layers[(i + round) % layers.length])) {
        const figures = await cpuPerCall(layer.call, CALLS);
        rounds.get(layer.name)?.push(figures);
        console.log(`round ${round + 1}/${ROUNDS} ${layer.name}: ${fmt(figures.cpu, 0)} µs CPU/call`);
      }
    }
    const baseline = rounds.get(layers[0].name) ?? [];
    // Issue 27's first goal: what the client core adds on top of the HttpService call it wraps.
    const httpService = rounds.get(layers[3].name) ?? [];
    const rows = layers.map(({ name }) => {
      const own = rounds.get(name) ?? [];
      const figures = [
        median(own.map((r) => r.cpu)),
        median(own.map((r) => r.callsPerSecond)),
        median(own.map((r, i) => r.cpu / baseline[i].cpu)),
        median(own.map((r, i) => r.cpu / httpService[i].cpu)),
      ];
      assertFigures(name, figures);
      return [name, fmt(figures[0], 0), fmt(figures[1], 0), fmt(figures[2], 2), fmt(figures[3], 2)];
    });
    const table = markdownTable(
      ['layer (in-process, against the raw back hop)', 'CPU µs/call', 'calls/s', 'CPU ÷ undici alone', 'CPU ÷ HttpService.get'],
      rows,
    );
    const setup =
      `${CALLS} calls per layer and round, ${CONCURRENCY} at a time, ${ROUNDS} interleaved round(s) after a warm-up; CPU is this ` +
      `process's (user + system) only — the back hop runs in its own process. Medians over rounds; ratios per round, then the median.`;
    const machine = describeMachine(['axios', 'undici', 'cockatiel', 'zod', 'rxjs'], startLoad);
    publishResults('client cost per call', `${machine}\n\n${setup}\n\n${table}`);
  } finally {
    await onUndici.close();
    await agent.close();
    await context.close();
    await back.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
