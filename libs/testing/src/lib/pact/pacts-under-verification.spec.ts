import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACT_FILE_VARIABLE, pactsUnderVerification, verifyingNamedPact } from './pacts-under-verification';

describe('the pacts a provider verifies', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacts-'));
    for (const file of ['user-service-order-service.json', 'fulfilment-service-inventory-service.json', 'order-service-inventory-service.json', 'notes.txt']) {
      writeFileSync(join(dir, file), '{}');
    }
  });
  afterEach(() => {
    delete process.env[PACT_FILE_VARIABLE];
    rmSync(dir, { recursive: true, force: true });
  });

  it('are the pact of every consumer of that provider, in the consumers’ order, and no other provider’s', () => {
    expect(pactsUnderVerification('inventory-service', dir)).toEqual([
      join(dir, 'fulfilment-service-inventory-service.json'),
      join(dir, 'order-service-inventory-service.json'),
    ]);
    expect(verifyingNamedPact()).toBe(false);
  });

  it('are the one pact PACT_FILE names when can-i-deploy names one', () => {
    process.env[PACT_FILE_VARIABLE] = '/elsewhere/order-service-inventory-service.json';
    expect(pactsUnderVerification('inventory-service', dir)).toEqual(['/elsewhere/order-service-inventory-service.json']);
    expect(verifyingNamedPact()).toBe(true);
  });
});
