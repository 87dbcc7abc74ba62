import { pactConsumer, PACTS_DIR, pactsUnderVerification, verifyingNamedPact, verifyPacts } from '@boundary/testing/pact';
import type { INestApplication } from '@nestjs/common';
import { basename, join } from 'node:path';
import { InventoryDatabase } from '../database/inventory-database';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp } from '../inventory-service.test-app';
import { providerStates } from './inventory-service.provider-states';

/** The pact that the test of the verification itself plays with: the Order Service's. */
const CONSUMER_PACT = join(PACTS_DIR, 'order-service-inventory-service.json');
const SERVICE_TOKEN = 'pact-verification-token-0123456789';

/** Verifies `pactFile` against the real Inventory Service, started on a free 127.0.0.1 port. */
function verify(app: INestApplication, pactFile: string, token?: string): Promise<unknown> {
  const states = providerStates(() => ({ inventory: app.get(InventoryRepository), database: app.get(InventoryDatabase) }));
  // As the consumer calls it in production: with the shared service token.
  return verifyPacts(app, { provider: 'inventory-service', pactFiles: [pactFile], states, token });
}

describe('inventory-service honours its consumers’ pacts (provider)', () => {
  let started: INestApplication | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });

  // One test a consumer: each consumer's pact gets its own verdict, and one's failure leaves the others' showing.
  it.each(pactsUnderVerification('inventory-service').map((file) => [basename(file), file]))(
    'verifies every interaction of %s against the service as deployed',
    async (_name, pactFile) => {
      // As deployed: the consumer's own token in its accepted set, sent as that consumer sends it.
      started = (await startInventoryServiceTestApp({ acceptedTokens: { [pactConsumer(pactFile)]: [SERVICE_TOKEN] } })).app;
      await expect(verify(started, pactFile, SERVICE_TOKEN)).resolves.toBeDefined();
    },
  );

  // The verification proves it can fail; can-i-deploy, checking one pact of another commit, needs only the above.
  (verifyingNamedPact() ? it.skip : it)('fails without the service token once the deployed service requires one', async () => {
    started = (await startInventoryServiceTestApp({ acceptedTokens: { 'order-service': [SERVICE_TOKEN] } })).app;
    await expect(verify(started, CONSUMER_PACT)).rejects.toThrow(/expected 200 but was 401/);
  });
});
