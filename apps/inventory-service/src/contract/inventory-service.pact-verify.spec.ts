import { PACTS_DIR, verifyPacts } from '@boundary/testing/pact';
import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { InventoryDatabase } from '../database/inventory-database';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp } from '../inventory-service.test-app';
import { providerStates } from './inventory-service.provider-states';

const CONSUMER_PACT = join(PACTS_DIR, 'order-service-inventory-service.json');
// can-i-deploy (tools/deploy-safety) runs this spec directly at a deployed commit with PACT_FILE naming the pact to check.
const PACT_UNDER_VERIFICATION = process.env['PACT_FILE'] || CONSUMER_PACT;
const SERVICE_TOKEN = 'pact-verification-token-0123456789';

/** Verifies `pactFile` against the real Inventory Service, started on a free 127.0.0.1 port. */
function verify(app: INestApplication, pactFile: string, token?: string): Promise<unknown> {
  const states = providerStates(() => ({ inventory: app.get(InventoryRepository), database: app.get(InventoryDatabase) }));
  // As the consumer calls it in production: with the shared service token.
  return verifyPacts(app, { provider: 'inventory-service', pactFiles: [pactFile], states, token });
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
