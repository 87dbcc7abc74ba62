import { DEMO_ORDERS, ErrorBodySchema, OrderListSchema, type Order } from '@boundary/order-contract';
import { Verifier } from '@pact-foundation/pact';
import { readFileSync } from 'node:fs';
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
  type Answer = (url: URL) => { status: number; body: unknown; headers?: Record<string, string> };
  let answer: Answer = () => ({ status: 500, body: 'no provider state set' });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const { status, body, headers } = answer(new URL(request.url ?? '/', 'http://fixtures'));
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const serve = (status: number, body: unknown) => async () => {
    answer = () => ({ status, body });
    return undefined;
  };

  /** Fixture orders for a user, paged like the provider: `?limit=` orders and a Link to the next page. */
  const serveHistory = async (params?: unknown) => {
    const { userId, count } = params as { userId: string; count: number };
    const history: Order[] = OrderListSchema.parse(
      Array.from({ length: count }, (_, i) => ({ ...DEMO_ORDERS[i % DEMO_ORDERS.length], order_id: `ord${i + 1}` })),
    );
    answer = (url) => {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const next = new URLSearchParams({ limit: String(limit), cursor: Buffer.from(`ord${limit}`).toString('base64url') });
      const headers: Record<string, string> =
        history.length > limit ? { Link: `</users/${encodeURIComponent(userId)}/orders?${next}>; rel="next"` } : {};
      return { status: 200, body: history.slice(0, limit), headers };
    };
    return undefined;
  };

  it('fixture orders (paged like the provider), the empty list and the error bodies match every interaction', async () => {
    const verifier = new Verifier({
      provider: 'order-service',
      providerBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      pactUrls: [PACT_FILE],
      logLevel: 'warn',
      stateHandlers: {
        'user {userId} has {count} orders': serveHistory,
        'user {userId} has no orders': serve(200, []),
        'user {userId} does not exist': serve(404, { error: 'Unknown user', code: 'USER_NOT_FOUND' }),
      },
      beforeEach: async () => {
        // Interactions without a provider state (the invalid id) answer as the provider's validation does.
        answer = () => ({ status: 400, body: { error: 'Invalid user id: too long', code: 'INVALID_USER_ID' } });
      },
    });
    await expect(verifier.verifyProvider()).resolves.toBeDefined();
  });
});

describe('the pact’s examples satisfy the contract’s runtime schemas', () => {
  interface Interaction {
    description: string;
    response: { status: number; body?: { content?: unknown } };
  }
  const { interactions } = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: Interaction[] };

  it.each(interactions.map((interaction) => [interaction.description, interaction] as const))(
    '%s',
    (_description, { response }) => {
      const schema = response.status < 400 ? OrderListSchema : ErrorBodySchema;
      const result = schema.safeParse(response.body?.content);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );
});
