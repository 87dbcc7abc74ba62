import { InventoryServiceClient } from '@boundary/inventory-client';
import type { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { ORDER_PROVIDER_STATES } from '@boundary/order-contract';
import { consumerPact, isMessagePact, MatchersV3, pactConsumer, PACTS_DIR, pactsUnderVerification, verifyingNamedPact, verifyPacts } from '@boundary/testing/pact';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { CallHandler, INestApplication, NestInterceptor, Provider } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { map } from 'rxjs';
import type { ClientProxyDouble } from '@boundary/testing/messages';
import { OrderDatabase } from '../database/order-database';
import { ORDER_EVENTS_CLIENT } from '../events/order-events.tokens';
import { OutboxRelay } from '../events/outbox-relay';
import { OrderRepository } from '../orders/order.repository';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { providerStates } from './order-service.provider-states';
import { publishedMessage } from '../testing/published-message';

/** The pact that the tests of the verification itself play with: the User Service's. */
const CONSUMER_PACT = join(PACTS_DIR, 'user-service-order-service.json');
/** The message pact of the Order Service's events: the Fulfilment Service's. */
const MESSAGE_PACT = join(PACTS_DIR, 'fulfilment-service-order-service.json');

/**
 * A consumer that expects more than the provider gives (a `currency` on every order), written as a pact into a
 * scratch folder, exactly as a consumer's test run would write it.
 */
async function writeOverreachingPact(dir: string): Promise<string> {
  const pact = consumerPact({ consumer: 'greedy-consumer', provider: 'order-service', dir });
  await pact
    .addInteraction(ORDER_PROVIDER_STATES.userHasOrders({ userId: 'user123', count: 1 }))
    .uponReceiving('a request expecting a currency on each order')
    .withRequest('GET', '/users/user123/orders')
    .willRespondWith(200, (response) =>
      response.jsonBody(
        MatchersV3.eachLike({ order_id: MatchersV3.string('ord001'), currency: MatchersV3.string('EUR') }),
      ),
    )
    .executeTest(async (server) => {
      await fetch(`${server.url}/users/user123/orders`);
    });
  return pact.file;
}

/**
 * Verifies `pactFile` against the real Order Service, started on a free 127.0.0.1 port: its HTTP interactions against
 * the API, its message interactions against what the outbox relay publishes.
 */
function verify(app: INestApplication, pactFile: string, token?: string): Promise<unknown> {
  const states = providerStates(() => ({
    repository: app.get(OrderRepository),
    database: app.get(OrderDatabase),
    // The test app stands a stub in for the Inventory Service's client.
    inventory: app.get<InventoryServiceClient, InventoryServiceClientStub>(InventoryServiceClient),
  }));
  // As the User Service calls it in production: with the shared service token.
  const messages = () => publishedMessage({ relay: app.get(OutboxRelay), events: app.get<symbol, ClientProxyDouble>(ORDER_EVENTS_CLIENT) });
  return verifyPacts(app, { provider: 'order-service', pactFiles: [pactFile], states, token, messages });
}

describe.each(TEST_BACKENDS)('order-service honours its consumers’ pacts (provider, on $name)', (backend) => {
  let database: TestDatabase;
  let started: INestApplication | undefined;

  beforeEach(async () => {
    database = await backend.create();
  });

  afterEach(async () => {
    await started?.close();
    started = undefined;
    await database.drop();
  });

  const start = async (extraProviders: Provider[] = []) =>
    (started = (await startOrderServiceTestApp(database.options(), { providers: extraProviders })).app);

  it.each(pactsUnderVerification('order-service').map((file) => [basename(file), file]))(
    'verifies every interaction of %s against the service as deployed',
    async (_name, pactFile) => {
      // As deployed: the consumer's own token in its accepted set, sent as that consumer sends it. A consumer of the
      // events only (a message pact) calls no route: the service is closed to every caller but the User Service.
      const token = 'pact-verification-token-0123456789';
      const caller = isMessagePact(pactFile) ? 'user-service' : pactConsumer(pactFile);
      started = (await startOrderServiceTestApp(database.options(), { acceptedTokens: { [caller]: [token] } })).app;
      await expect(verify(started, pactFile, token)).resolves.toBeDefined();
    },
  );

  // The verification proves it can fail; can-i-deploy, checking one pact of another commit, needs only the above.
  const itChecksTheVerification = verifyingNamedPact() ? it.skip : it;

  itChecksTheVerification('fails without the service token once the deployed service requires one', async () => {
    started = (await startOrderServiceTestApp(database.options(), { acceptedTokens: { 'user-service': ['x'.repeat(32)] } })).app;
    await expect(verify(started, CONSUMER_PACT)).rejects.toThrow(/expected 200 but was 401/);
  });

  itChecksTheVerification('fails, naming the field, when the provider renames quantity in its answers (planted drift)', async () => {
    const renameQuantity: NestInterceptor = {
      intercept: (_context, next: CallHandler) =>
        next.handle().pipe(
          map((body: unknown) =>
            Array.isArray(body) ? body.map(({ quantity, ...order }) => ({ ...order, qty: quantity })) : body,
          ),
        ),
    };
    const app = await start([{ provide: APP_INTERCEPTOR, useValue: renameQuantity }]);
    await expect(verify(app, CONSUMER_PACT)).rejects.toThrow(/Actual map is missing the following keys: quantity/);
  });

  itChecksTheVerification('fails, naming the message, when the Order Service no longer publishes the event a consumer expects', async () => {
    // A relay that takes no row from the outbox: the order commits, its event is never published.
    started = (await startOrderServiceTestApp(database.options(), { relay: { batchSize: 0 } })).app;
    await expect(verify(started, MESSAGE_PACT)).rejects.toThrow(
      'The provider produced no message: The outbox relay published nothing once the states were set up; a message interaction expects one message',
    );
  });

  itChecksTheVerification('fails, naming the field, when a consumer expects something the provider does not give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overreaching-pact-'));
    try {
      const pactFile = await writeOverreachingPact(dir);
      await expect(verify(await start(), pactFile)).rejects.toThrow(/missing the following keys: currency/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
