import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the consumers' `contract` targets write their pacts. */
export const PACTS_DIR = join(__dirname, '../../../../pacts');

/** The provider name in every pact this service verifies (`pacts/<consumer>-order-service.json`). */
const PROVIDER = 'order-service';

/**
 * The pact files the verification specs check. `PACT_FILE` names one pact to check instead of pacts/: the way
 * `can-i-deploy` (tools/deploy-safety) verifies a pact from another commit against this code, run directly
 * rather than through `nx verify`, whose dependencies would regenerate pacts/. An environment variable because
 * the verification runs as a plain Jest command at whatever commit is deployed.
 */
export function pactsUnderVerification(): string[] {
  const named = process.env['PACT_FILE'];
  if (named) return [named];
  return readdirSync(PACTS_DIR)
    .filter((file) => file.endsWith(`-${PROVIDER}.json`))
    .map((file) => join(PACTS_DIR, file));
}

/** Whether the run checks one named pact (can-i-deploy): the specs that test the verification itself then stay out. */
export function verifyingNamedPact(): boolean {
  return Boolean(process.env['PACT_FILE']);
}
