import { DEMO_ORDERS, OrderListSchema, type Order } from '@boundary/order-contract';
import { Verifier } from '@pact-foundation/pact';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const PACT_FILE = join(__dirname, '../../../../pacts/user-service-order-service.json');

/**
 * The doubles' fixtures must satisfy the pact too, or the module-level tests would pass against data the real
 * provider can never send. A throw-away provider that answers only with fixtures is verified against the pact
 * with Pact's own verifier.
 */
describe('contract fixtures satisfy the pact', () => {
  let server: Server;
  let answer: { status: number; body: unknown } = { status: 500, body: 'no provider state set' };

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const serve = (status: number, body: unknown) => async () => {
    answer = { status, body };
    return undefined;
  };

  it('the demo orders, the empty list and the error bodies match every interaction', async () => {
    const orders: Order[] = OrderListSchema.parse(DEMO_ORDERS);
    const verifier = new Verifier({
      provider: 'order-service',
      providerBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      pactUrls: [PACT_FILE],
      logLevel: 'warn',
      stateHandlers: {
        'user {userId} has {count} orders': serve(200, orders),
        'user {userId} has no orders': serve(200, []),
        'user {userId} does not exist': serve(404, { error: 'Unknown user', code: 'USER_NOT_FOUND' }),
      },
      beforeEach: async () => {
        // Interactions without a provider state (the invalid id) answer as the provider's validation does.
        answer = { status: 400, body: { error: 'Invalid user id: too long', code: 'INVALID_USER_ID' } };
      },
    });
    await expect(verifier.verifyProvider()).resolves.toBeDefined();
  });
});
