import { anOrder } from '@boundary/order-client/testing';
import {
  DEMO_ORDERS,
  ORDER_PROVIDER_STATES,
  OrderDetailSchema,
  OrderListSchema,
  type Order,
} from '@boundary/order-contract';
import { ErrorBodySchema, type ProviderStateParams } from '@boundary/http-conventions';
import { PACTS_DIR, providerStateHandlers, verifyPacts } from '@boundary/testing/pact';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const PACT_FILE = join(PACTS_DIR, 'user-service-order-service.json');

/**
 * The doubles' fixtures must satisfy the pact too, or the module-level tests would pass against data the real
 * provider can never send. A throw-away provider that answers only with fixtures is verified against the pact
 * with Pact's own verifier.
 */
describe('contract fixtures satisfy the pact', () => {
  let server: Server;
  interface FixtureRequest {
    url: URL;
    method: string;
    body: unknown;
  }
  type Answer = (request: FixtureRequest) => { status: number; body: unknown; headers?: Record<string, string> };
  // Interactions without a provider state (the invalid id) answer as the provider's validation does.
  const answersAsValidation: Answer = () => ({ status: 400, body: { error: 'Invalid user id: too long', code: 'INVALID_USER_ID' } });
  let answer = answersAsValidation;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://fixtures');
        const { status, body, headers } = answer({ url, method: request.method ?? 'GET', body: text === '' ? undefined : JSON.parse(text) });
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const serve = (status: number, body: unknown) => async () => {
    answer = () => ({ status, body });
  };

  /** A new order as the provider answers it: the values sent, a fixture id, and its Location. */
  const created = (status: number, body: unknown) => {
    const order = OrderDetailSchema.parse({ ...(body as object), order_id: 'ord_1' });
    return { status, body: order, headers: { Location: `/orders/${order.order_id}` } };
  };

  /** A known user without orders: an empty history, and a POST creates the first order. */
  const serveNewUser = async () => {
    answer = ({ method, body }) => (method === 'POST' ? created(201, body) : { status: 200, body: [] });
  };

  /** One fixture order with its owner. */
  const serveOrder = async (_: unknown, { orderId, userId }: { orderId: string; userId: string }) => {
    answer = () => ({ status: 200, body: OrderDetailSchema.parse({ ...anOrder({ order_id: orderId }), user_id: userId }) });
  };

  /** An order created under a key: the same body again is that order (200), another body is refused (409). */
  const serveKeyUsed = async (_: unknown, { key: _key, ...first }: ProviderStateParams<typeof ORDER_PROVIDER_STATES.orderCreatedWithKey>) => {
    answer = ({ body }) =>
      JSON.stringify(body) === JSON.stringify(first)
        ? created(200, body)
        : { status: 409, body: { error: 'Idempotency-Key reused', code: 'IDEMPOTENCY_KEY_REUSED' } };
  };

  /**
   * The inventory behind the Order Service, stated after the user's state: a new order is refused as the Order
   * Service refuses it when its inventory does (`refusal` true of the body sent), and answered as before otherwise.
   */
  const refuseNewOrders =
    <Params>(refusal: (body: { quantity: number }, params: Params) => boolean, status: number, code: string) =>
    async (_: unknown, params: Params) => {
      const before = answer;
      answer = (request) =>
        request.method === 'POST' && refusal(request.body as { quantity: number }, params)
          ? { status, body: { error: 'refused by the inventory', code } }
          : before(request);
    };

  /** Fixture orders for a user, paged like the provider: `?limit=` orders and a Link to the next page. */
  const serveHistory = async (_: unknown, { userId, count }: { userId: string; count: number }) => {
    const history: Order[] = OrderListSchema.parse(
      Array.from({ length: count }, (_, i) => ({ ...DEMO_ORDERS[i % DEMO_ORDERS.length], order_id: `ord${i + 1}` })),
    );
    answer = ({ url }) => {
      const cursor = url.searchParams.get('cursor');
      if (cursor !== null && !/^b3Jk/.test(cursor)) {
        return { status: 400, body: { error: 'Invalid cursor: not issued here', code: 'INVALID_CURSOR' } };
      }
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const next = new URLSearchParams({ limit: String(limit), cursor: Buffer.from(`ord${limit}`).toString('base64url') });
      const headers: Record<string, string> =
        history.length > limit ? { Link: `</users/${encodeURIComponent(userId)}/orders?${next}>; rel="next"` } : {};
      return { status: 200, body: history.slice(0, limit), headers };
    };
  };

  it('fixture orders (paged like the provider), the empty list and the error bodies match every interaction', async () => {
    const states = providerStateHandlers(
      () => undefined,
      ORDER_PROVIDER_STATES,
      {
        userHasOrders: serveHistory,
        userHasBackorderedOrder: serve(200, [anOrder({ status: 'backordered' })]),
        userHasNoOrders: serveNewUser,
        userDoesNotExist: serve(404, { error: 'Unknown user', code: 'USER_NOT_FOUND' }),
        orderOfUserExists: serveOrder,
        orderDoesNotExist: serve(404, { error: 'Unknown order', code: 'ORDER_NOT_FOUND' }),
        orderCreatedWithKey: serveKeyUsed,
        itemHasStock: refuseNewOrders((body, { count }: { count: number }) => body.quantity > count, 409, 'OUT_OF_STOCK'),
        itemIsNotStocked: refuseNewOrders(() => true, 422, 'UNKNOWN_ITEM'),
        inventoryIsUnavailable: refuseNewOrders(() => true, 503, 'INVENTORY_UNAVAILABLE'),
      },
      async () => {
        answer = answersAsValidation;
      },
    );
    const providerBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await expect(verifyPacts(providerBaseUrl, { provider: 'order-service', pactFiles: [PACT_FILE], states })).resolves.toBeDefined();
  });
});

describe('the pact’s examples satisfy the contract’s runtime schemas', () => {
  interface Interaction {
    description: string;
    request: { path: string };
    response: { status: number; body?: { content?: unknown } };
  }
  const { interactions } = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: Interaction[] };

  it.each(interactions.map((interaction) => [interaction.description, interaction] as const))(
    '%s',
    (_description, { request, response }) => {
      // A user's history is a bare list; everything under /orders is one order with its owner.
      const success = request.path.startsWith('/orders') ? OrderDetailSchema : OrderListSchema;
      const schema = response.status < 400 ? success : ErrorBodySchema;
      const result = schema.safeParse(response.body?.content);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );
});
