import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { InventoryDatabase } from '../database/inventory-database';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp } from '../inventory-service.test-app';
import { providerStates } from './inventory-service.provider-states';

const CONSUMER_PACT = join(__dirname, '../../../../pacts/order-service-inventory-service.json');
// can-i-deploy (tools/deploy-safety) runs this spec directly at a deployed commit with PACT_FILE naming the pact to check.
const PACT_UNDER_VERIFICATION = process.env['PACT_FILE'] || CONSUMER_PACT;
const SERVICE_TOKEN = 'pact-verification-token-0123456789';

/** Starts the real Inventory Service on a free 127.0.0.1 port and verifies `pactFile` against it. */
async function verify(app: INestApplication, pactFile: string, serviceToken?: string): Promise<unknown> {
  await app.listen(0, '127.0.0.1');
  return new Verifier({
    provider: 'inventory-service',
    providerBaseUrl: await app.getUrl(),
    pactUrls: [pactFile],
    logLevel: 'warn',
    // pact 16.4 types stateHandlers as HTTP and message handlers at once, which no setup/teardown handler satisfies.
    stateHandlers: providerStates(() => ({ inventory: app.get(InventoryRepository), database: app.get(InventoryDatabase) })) as VerifierOptions['stateHandlers'],
    // As the consumer calls it in production: with the shared service token.
    ...(serviceToken ? { customProviderHeaders: [`Authorization: Bearer ${serviceToken}`] } : {}),
  }).verifyProvider();
}

describe('inventory-service honours the pact of order-service (provider)', () => {
  let started: INestApplication | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });

  it('verifies every interaction of pacts/order-service-inventory-service.json against the service as deployed', async () => {
    started = (await startInventoryServiceTestApp({ serviceToken: SERVICE_TOKEN })).app;
    await expect(verify(started, PACT_UNDER_VERIFICATION, SERVICE_TOKEN)).resolves.toBeDefined();
  });

  it('fails without the service token once the deployed service requires one', async () => {
    started = (await startInventoryServiceTestApp({ serviceToken: SERVICE_TOKEN })).app;
    await expect(verify(started, CONSUMER_PACT)).rejects.toThrow(/expected 200 but was 401/);
  });
});
