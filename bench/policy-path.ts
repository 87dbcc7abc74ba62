/**
 * The client core's own path, with nothing under it: `ProviderClient.call` over an `HttpService` that answers at once
 * (no socket, no axios), `calls` times. Made to be counted, not timed: under `valgrind --tool=callgrind` the
 * instruction count is the same whatever else the machine does, so a lever on the policy path (issue 27) — or the
 * cost of a feature on it, like the call span (issue 28) — is measured on a busy machine too. Run it at two call
 * counts and take the difference, which cancels start-up and compilation:
 *
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node -r @swc-node/register bench/policy-path.ts 2000
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node -r @swc-node/register bench/policy-path.ts 12000
 *   → (second total − first total) ÷ 10000 = instructions per call
 */
import type { HttpService } from '@nestjs/axios';
import { ProviderClient, ProviderCallError } from '@boundary/client-core';
import { AxiosHeaders, type AxiosResponse } from 'axios';
import { firstValueFrom, of } from 'rxjs';
import { z } from 'zod';

const ItemSchema = z.object({ id: z.string(), quantity: z.number().int() });
const answer: AxiosResponse = { data: { id: 'a', quantity: 1 }, status: 200, statusText: 'OK', headers: new AxiosHeaders(), config: { headers: new AxiosHeaders() } };

class BenchError extends ProviderCallError {}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 2000);
  const client = new ProviderClient(
    { get: () => of(answer) } as unknown as HttpService,
    { baseUrl: 'http://provider.test', timeoutMs: 5000, token: 'bench-token', requestId: () => 'bench-request' },
    BenchError,
    'BenchClient',
  );
  for (let i = 0; i < calls; i++) {
    await firstValueFrom(client.call({ method: 'GET', path: '/items/{itemId}', params: { itemId: 'a' }, schema: ItemSchema }));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
